package io.paraseq.protocol.exec;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TransactionProcessor} decided for one transaction, independent of its position in the
 * block: the block loop adds the cumulative gas. Handle it with an exhaustive {@code switch}.
 */
public sealed interface TransactionOutcome {

  /**
   * The transaction is part of the block; its writes went through the {@link StateAccess}.
   *
   * @param status success, or failure (a program call that reverted or ran out of gas; a deposit
   *     whose transfer the balance did not cover)
   * @param gasUsed the gas used, unsigned 64-bit
   * @param effectiveGasPrice the wei per gas paid
   * @param l1Fee the L1 data fee paid ({@link BlockContext#l1Fee}); zero for deposits and calls
   * @param logs the logs emitted, in order (only a successful program call emits any)
   * @param returnData what a program call returned, or its revert data on a revert ({@code
   *     Error(string)} encoded, or empty); empty for transfers, deposits and out-of-gas
   * @param failure why a program call failed; empty on success and for a failed deposit
   */
  record Included(
      ReceiptStatus status,
      long gasUsed,
      Wei effectiveGasPrice,
      Wei l1Fee,
      List<Log> logs,
      Bytes returnData,
      Optional<ExecutionFailure> failure)
      implements TransactionOutcome {

    /** Copies the logs and requires every component. */
    public Included {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(effectiveGasPrice, "effectiveGasPrice");
      Objects.requireNonNull(l1Fee, "l1Fee");
      Objects.requireNonNull(returnData, "returnData");
      Objects.requireNonNull(failure, "failure");
      logs = List.copyOf(logs);
    }

    /** An outcome without return data or execution failure (transfers, deposits). */
    public Included(
        ReceiptStatus status, long gasUsed, Wei effectiveGasPrice, Wei l1Fee, List<Log> logs) {
      this(status, gasUsed, effectiveGasPrice, l1Fee, logs, Bytes.EMPTY, Optional.empty());
    }

    /** Whether a program call reverted ({@link #returnData()} is then the revert data). */
    public boolean reverted() {
      return failure.equals(Optional.of(ExecutionFailure.REVERTED));
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
