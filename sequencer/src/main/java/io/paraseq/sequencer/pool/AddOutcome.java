package io.paraseq.sequencer.pool;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@link TxPool#add} did. */
public sealed interface AddOutcome {

  /**
   * The transaction is in the pool.
   *
   * @param transaction the pooled transaction
   * @param pending whether it is executable now (no nonce gap before it)
   * @param replaced the transaction it replaced in the same (sender, nonce) slot, if any
   * @param evicted transactions removed to make room for it
   */
  record Accepted(
      PooledTransaction transaction,
      boolean pending,
      Optional<PooledTransaction> replaced,
      List<PooledTransaction> evicted)
      implements AddOutcome {

    /** Copies the list. */
    public Accepted {
      Objects.requireNonNull(transaction, "transaction");
      Objects.requireNonNull(replaced, "replaced");
      evicted = List.copyOf(evicted);
    }
  }

  /**
   * The transaction was refused and the pool is unchanged.
   *
   * @param reason why
   * @param detail the numbers behind it, for the error message
   */
  record Rejected(PoolRejection reason, String detail) implements AddOutcome {

    /** Requires both. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** geth's text, then the detail. */
    public String message() {
      return detail.isEmpty() ? reason.text() : reason.text() + ": " + detail;
    }
  }
}
