package io.paraseq.sequencer.pool;

import io.paraseq.protocol.tx.VerifiedTransaction;
import java.math.BigInteger;

/**
 * The L1 data fee a transaction would pay if it were executed in the next block (DESIGN.md §3), in
 * wei: part of what its sender must be able to pay when it enters the pool. The block's own L1 base
 * fee decides what is charged; a transaction admitted at a lower quote that can no longer pay is
 * skipped by the block producer and waits in the pool like one whose sender's balance fell.
 */
@FunctionalInterface
public interface L1FeeQuote {

  /** No L1 data fee: a chain without one, and the pool's unit tests. */
  L1FeeQuote NONE = tx -> BigInteger.ZERO;

  /** The fee, at least zero. */
  BigInteger of(VerifiedTransaction tx);
}
