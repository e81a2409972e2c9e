package io.paraseq.sequencer.pool;

import java.math.BigInteger;
import java.util.Comparator;

/** Highest effective tip at the block's base fee first; equal tips by arrival. */
final class PriorityFeeOrdering implements OrderingPolicy {

  @Override
  public Comparator<PooledTransaction> order(BigInteger baseFee) {
    Comparator<PooledTransaction> byTip =
        Comparator.comparing((PooledTransaction tx) -> tx.effectiveTip(baseFee)).reversed();
    return byTip.thenComparingLong(PooledTransaction::arrival);
  }

  @Override
  public String toString() {
    return "priority-fee";
  }
}
