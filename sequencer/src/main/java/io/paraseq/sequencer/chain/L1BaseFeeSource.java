package io.paraseq.sequencer.chain;

import io.paraseq.protocol.tx.Wei;

/**
 * The L1 base fee the next block's L1 data fees are computed from ({@code BlockContext.l1BaseFee}):
 * the latest observation of the L1 head, or a configured value. Read by the block producer and by
 * calls on any thread; an implementation answers at once from memory and never waits for the L1.
 */
@FunctionalInterface
public interface L1BaseFeeSource {

  /** The current value, at most {@code L1DataFee.MAX_L1_BASE_FEE}. */
  Wei current();
}
