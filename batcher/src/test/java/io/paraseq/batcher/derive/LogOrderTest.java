package io.paraseq.batcher.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import org.junit.jupiter.api.Test;

/**
 * Events in seq order; the resumed L1 block's earlier batches skipped; gaps and repeats refused.
 */
class LogOrderTest {

  private final VerifierCursor cursor = new VerifierCursor(5, 40, MemoryBlocks.root(40), 100);

  @Test
  void theNextSeqIsVerified() {
    assertThat(LogOrder.of(event(5, 100), cursor)).isEqualTo(LogOrder.Step.NEXT);
    assertThat(LogOrder.of(event(5, 130), cursor)).isEqualTo(LogOrder.Step.NEXT);
  }

  @Test
  void anEarlierSeqInTheResumedBlockWasVerifiedBefore() {
    assertThat(LogOrder.of(event(4, 100), cursor)).isEqualTo(LogOrder.Step.ALREADY_VERIFIED);
  }

  @Test
  void gapsAndRepeatsAreOutOfOrder() {
    assertThat(LogOrder.of(event(6, 100), cursor)).isEqualTo(LogOrder.Step.OUT_OF_ORDER);
    assertThat(LogOrder.of(event(4, 101), cursor)).isEqualTo(LogOrder.Step.OUT_OF_ORDER);
  }

  private static BatchAppendedEvent event(long seq, long l1Block) {
    Hash h = Hash.keccak(Bytes.of((byte) seq));
    return new BatchAppendedEvent(seq, h, h, h, 41, 42, 0, h, l1Block, h, 0);
  }
}
