package io.paraseq.sequencer.pool;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Which sender's next transaction goes into a block first. The pool always keeps each sender's
 * nonce order; the policy only orders between senders.
 */
public interface OrderingPolicy {

  /** Orders candidates at the given base fee: the smallest is included first. */
  Comparator<PooledTransaction> order(BigInteger baseFee);

  /** The policy of a name, as configured ({@code fifo} or {@code priority-fee}). */
  static OrderingPolicy of(Kind kind) {
    return switch (kind) {
      case FIFO -> new FifoOrdering();
      case PRIORITY_FEE -> new PriorityFeeOrdering();
    };
  }

  /** The configurable policies. */
  enum Kind {
    /** Arrival order, like Arbitrum. */
    FIFO,
    /** Highest effective tip first, ties by arrival, like OP Stack. */
    PRIORITY_FEE
  }
}
