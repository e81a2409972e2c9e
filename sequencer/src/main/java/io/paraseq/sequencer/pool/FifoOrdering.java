package io.paraseq.sequencer.pool;

import java.math.BigInteger;
import java.util.Comparator;

/** First come, first served: by arrival. */
final class FifoOrdering implements OrderingPolicy {

  private static final Comparator<PooledTransaction> BY_ARRIVAL =
      Comparator.comparingLong(PooledTransaction::arrival);

  @Override
  public Comparator<PooledTransaction> order(BigInteger baseFee) {
    return BY_ARRIVAL;
  }

  @Override
  public String toString() {
    return "fifo";
  }
}
