package io.paraseq.sequencer.rest;

import java.util.OptionalLong;

/**
 * How far the chain is settled on L1, and the one place that decides a transaction's {@link
 * TransactionStatus} from it. The batcher will publish this (the last block of the last posted
 * batch, the last block of the last final batch); until it does nothing is settled ({@link
 * #NOTHING}) and a transaction goes {@code pending} → {@code included}.
 *
 * @param batchedThrough the highest block in a batch posted to L1, if any
 * @param finalThrough the highest block in a batch final on L1, if any; at most {@code
 *     batchedThrough}
 */
record Settlement(OptionalLong batchedThrough, OptionalLong finalThrough) {

  /** Nothing posted to L1 yet. */
  static final Settlement NOTHING = new Settlement(OptionalLong.empty(), OptionalLong.empty());

  Settlement {
    if (finalThrough.isPresent()
        && (batchedThrough.isEmpty() || finalThrough.getAsLong() > batchedThrough.getAsLong())) {
      throw new IllegalArgumentException(
          "final through " + finalThrough + " is beyond batched through " + batchedThrough);
    }
  }

  /** The status of a transaction included in block {@code includedIn}, or pending when empty. */
  TransactionStatus statusOf(OptionalLong includedIn) {
    if (includedIn.isEmpty()) {
      return TransactionStatus.PENDING;
    }
    long block = includedIn.getAsLong();
    if (finalThrough.isPresent() && block <= finalThrough.getAsLong()) {
      return TransactionStatus.FINAL;
    }
    if (batchedThrough.isPresent() && block <= batchedThrough.getAsLong()) {
      return TransactionStatus.BATCHED;
    }
    return TransactionStatus.INCLUDED;
  }
}
