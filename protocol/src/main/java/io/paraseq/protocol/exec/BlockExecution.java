package io.paraseq.protocol.exec;

import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.tx.Transaction;
import java.util.List;
import java.util.Objects;

/**
 * The result of executing one block. Immutable; equal inputs give equal executions.
 *
 * @param included the included transactions in block order, with receipts
 * @param skipped the left-out candidates in candidate order, with reasons
 * @param diff the block's state writes
 * @param gasUsed the gas used by all included transactions, unsigned 64-bit
 * @param logsBloom the OR of the receipts' blooms
 */
public record BlockExecution(
    List<ExecutedTransaction> included,
    List<SkippedTransaction> skipped,
    StateDiff diff,
    long gasUsed,
    LogsBloom logsBloom) {

  /** Copies the lists and requires every component. */
  public BlockExecution {
    included = List.copyOf(included);
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(diff, "diff");
    Objects.requireNonNull(logsBloom, "logsBloom");
  }

  /** The included transactions, in block order (what the block body and its root hold). */
  public List<Transaction> transactions() {
    return included.stream().map(executed -> executed.transaction().transaction()).toList();
  }

  /** The receipts, in block order. */
  public List<Receipt> receipts() {
    return included.stream().map(ExecutedTransaction::receipt).toList();
  }
}
