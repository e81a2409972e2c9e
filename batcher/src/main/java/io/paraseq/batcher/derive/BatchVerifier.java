package io.paraseq.batcher.derive;

import io.paraseq.protocol.batch.BatchBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays a derived batch on the verifier's chain and checks its roots: the batch must start right
 * after the last verified batch and build on its root; each block is imported ({@link
 * DerivedChain#importBlock}); after the last, the head's state root must be the batch's new root.
 *
 * <p><b>Resuming.</b> Blocks at or below the chain's head are not imported again: after a crash
 * between a block's commit and the cursor's, the chain is ahead of the cursor by part of one batch,
 * imported from the same (confirmed) L1 data. The root check after the batch covers them too.
 *
 * <p>Runs on the verifier's loop thread; stateless.
 */
final class BatchVerifier {

  private final DerivedChain chain;
  private final MismatchLocator locator;

  BatchVerifier(DerivedChain chain, MismatchLocator locator) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.locator = Objects.requireNonNull(locator, "locator");
  }

  /**
   * Verifies {@code batch} after {@code cursor}; empty when it holds, else the first broken rule.
   *
   * @throws IllegalStateException if the chain's head is not within reach of the cursor (the
   *     verifier's schema was changed by someone else)
   */
  Optional<DerivationFailure> verify(DerivedBatch batch, VerifierCursor cursor) {
    var header = batch.header();
    long seq = header.seq();
    if (header.firstBlock() != cursor.lastBlock() + 1) {
      return Optional.of(
          DerivationFailure.atBlock(
              DerivationError.FIRST_BLOCK_MISMATCH,
              seq,
              header.firstBlock(),
              "expected block " + (cursor.lastBlock() + 1)));
    }
    if (!header.prevStateRoot().equals(cursor.lastStateRoot())) {
      return Optional.of(
          DerivationFailure.atBlock(
              DerivationError.PREV_ROOT_MISMATCH,
              seq,
              header.firstBlock(),
              "posted " + header.prevStateRoot() + ", verified " + cursor.lastStateRoot()));
    }
    long head = chain.head().number();
    if (head < cursor.lastBlock() || head > header.lastBlock()) {
      throw new IllegalStateException(
          "the verifier's chain is at block "
              + head
              + " but its cursor at block "
              + cursor.lastBlock()
              + " and batch "
              + seq
              + " ends at "
              + header.lastBlock()
              + "; its schema was changed outside the verifier");
    }
    List<DerivedChain.Tip> imported = new ArrayList<>();
    for (BatchBlock block : batch.batch().blocks()) {
      if (block.number() <= head) {
        continue;
      }
      switch (chain.importBlock(block)) {
        case DerivedChain.Import.Imported(DerivedChain.Tip tip) -> imported.add(tip);
        case DerivedChain.Import.Invalid(long number, String reason) -> {
          return Optional.of(
              DerivationFailure.atBlock(DerivationError.INVALID_BLOCK, seq, number, reason));
        }
      }
    }
    DerivedChain.Tip tip = chain.head();
    if (tip.number() != header.lastBlock() || !tip.stateRoot().equals(header.newStateRoot())) {
      return Optional.of(
          DerivationFailure.rootMismatch(
              seq,
              header.lastBlock(),
              "posted "
                  + header.newStateRoot()
                  + ", derived "
                  + tip.stateRoot()
                  + " at block "
                  + tip.number(),
              locator.locate(header.firstBlock(), header.lastBlock(), imported)));
    }
    return Optional.empty();
  }
}
