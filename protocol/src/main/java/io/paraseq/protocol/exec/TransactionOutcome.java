package io.paraseq.protocol.exec;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.tx.Wei;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TransactionProcessor} decided for one transaction, independent of its position in the
 * block: the block loop adds the cumulative gas. Handle it with an exhaustive {@code switch}.
 */
public sealed interface TransactionOutcome {

  /**
   * The transaction is part of the block; its writes went through the {@link StateAccess}.
   *
   * @param status success, or failure (a deposit whose transfer the balance did not cover)
   * @param gasUsed the gas used, unsigned 64-bit
   * @param effectiveGasPrice the wei per gas paid
   * @param logs the logs emitted, in order (none yet: transfers emit none)
   */
  record Included(ReceiptStatus status, long gasUsed, Wei effectiveGasPrice, List<Log> logs)
      implements TransactionOutcome {

    /** Copies the logs and requires every component. */
    public Included {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(effectiveGasPrice, "effectiveGasPrice");
      logs = List.copyOf(logs);
    }
  }

  /**
   * The transaction is left out; it wrote nothing.
   *
   * @param reason why
   * @param message the offending values
   */
  record Skipped(SkipReason reason, String message) implements TransactionOutcome {

    /** Requires every component. */
    public Skipped {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
