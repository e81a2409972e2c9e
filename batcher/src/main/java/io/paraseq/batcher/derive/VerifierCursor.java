package io.paraseq.batcher.derive;

import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * How far the verifier got, kept durably so a restart resumes: the next batch it expects, the last
 * block and state root it verified, and the L1 block to read logs from.
 *
 * @param nextSeq the seq of the next batch
 * @param lastBlock the last L2 block of the last verified batch (0 before the first)
 * @param lastStateRoot the state root after {@code lastBlock} (the genesis root before the first)
 * @param nextL1Block the first L1 block whose logs are still to be read (it may hold logs of
 *     batches below {@code nextSeq}, which are skipped)
 */
public record VerifierCursor(long nextSeq, long lastBlock, Hash lastStateRoot, long nextL1Block) {

  /** Checks the ranges. */
  public VerifierCursor {
    Objects.requireNonNull(lastStateRoot, "lastStateRoot");
    if (nextSeq < 0 || lastBlock < 0 || nextL1Block < 0) {
      throw new IllegalArgumentException(
          "negative cursor field: " + nextSeq + ", " + lastBlock + ", " + nextL1Block);
    }
  }

  /** The cursor after verifying {@code batch}, which was read from L1 block {@code l1Block}. */
  VerifierCursor after(DerivedBatch batch) {
    return new VerifierCursor(
        batch.header().seq() + 1,
        batch.header().lastBlock(),
        batch.header().newStateRoot(),
        batch.event().l1Block());
  }

  /** This cursor reading logs from {@code l1Block} on. */
  VerifierCursor readingFrom(long l1Block) {
    return new VerifierCursor(nextSeq, lastBlock, lastStateRoot, l1Block);
  }
}
