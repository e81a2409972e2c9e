package io.paraseq.sequencer.rest;

import io.paraseq.sequencer.chain.BlockNumbers;
import java.util.OptionalLong;

/**
 * How far the chain is settled on L1 at one moment, and the one place that decides a transaction's
 * {@link TransactionStatus} from it. The blocks come from {@link BlockNumbers}, the rule for every
 * API: {@code safe} (the last block whose batch is confirmed on L1) and {@code finalized} (the last
 * block whose batch is final). A transaction goes {@code pending} → {@code included} → {@code
 * batched} → {@code final}; while no batcher runs both are the genesis, which holds no
 * transactions, and it stays {@code included}.
 *
 * @param batchedThrough the highest block in a batch confirmed on L1
 * @param finalThrough the highest block in a batch final on L1; at most {@code batchedThrough}
 */
record Settlement(long batchedThrough, long finalThrough) {

  Settlement {
    if (finalThrough < 0 || finalThrough > batchedThrough) {
      throw new IllegalArgumentException(
          "final through block " + finalThrough + ", batched through block " + batchedThrough);
    }
  }

  /** The settlement {@code numbers} report now. */
  static Settlement of(BlockNumbers numbers) {
    return new Settlement(numbers.safe(), numbers.finalized());
  }

  /** The status of a transaction included in block {@code includedIn}, or pending when empty. */
  TransactionStatus statusOf(OptionalLong includedIn) {
    if (includedIn.isEmpty()) {
      return TransactionStatus.PENDING;
    }
    long block = includedIn.getAsLong();
    if (block <= finalThrough) {
      return TransactionStatus.FINAL;
    }
    if (block <= batchedThrough) {
      return TransactionStatus.BATCHED;
    }
    return TransactionStatus.INCLUDED;
  }
}
