package io.paraseq.protocol.exec;

import io.paraseq.protocol.tx.VerifiedTransaction;
import java.util.Objects;

/**
 * A candidate transaction that the block left out.
 *
 * @param transaction the transaction
 * @param reason why
 * @param message the offending values, such as {@code "account nonce 3, transaction nonce 5"}
 */
public record SkippedTransaction(
    VerifiedTransaction transaction, SkipReason reason, String message) {

  /** Requires every component. */
  public SkippedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
