package io.paraseq.protocol.exec;

import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.exec.TransactionOutcome.Included;
import io.paraseq.protocol.exec.TransactionOutcome.Skipped;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.tx.VerifiedTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects per-transaction outcomes in block order into a {@link BlockExecution}: adds the
 * cumulative gas to each receipt and ORs the blooms. Shared by every executor, so the block-level
 * bookkeeping is the same whatever order the transactions actually ran in. Not thread-safe: one
 * thread feeds it, in block order.
 */
public final class BlockExecutionBuilder {

  private final List<ExecutedTransaction> included = new ArrayList<>();
  private final List<SkippedTransaction> skipped = new ArrayList<>();
  private final LogsBloom.Builder bloom = LogsBloom.builder();
  private long gasUsed;

  /** Records the outcome of the next transaction in block order. */
  public BlockExecutionBuilder add(VerifiedTransaction tx, TransactionOutcome outcome) {
    switch (outcome) {
      case Included ok -> {
        gasUsed += ok.gasUsed();
        Receipt receipt = Receipt.of(tx.transaction().type(), ok.status(), gasUsed, ok.logs());
        bloom.add(receipt.logsBloom());
        included.add(
            new ExecutedTransaction(tx, receipt, ok.gasUsed(), ok.effectiveGasPrice(), ok.l1Fee()));
      }
      case Skipped skip -> skipped.add(new SkippedTransaction(tx, skip.reason(), skip.message()));
    }
    return this;
  }

  /** The execution with {@code diff} as the block's writes. */
  public BlockExecution build(StateDiff diff) {
    return new BlockExecution(included, skipped, diff, gasUsed, bloom.build());
  }
}
