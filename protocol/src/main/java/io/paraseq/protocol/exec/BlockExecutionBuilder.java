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
 * bookkeeping is the same whatever order the transactions actually ran in. A block may also be
 * built in consecutive shares, each by its own builder started at the gas the shares before it
 * used, on any threads, then joined with {@link #concat}. Not thread-safe: one thread feeds a
 * builder, in block order.
 */
public final class BlockExecutionBuilder {

  private final List<ExecutedTransaction> included = new ArrayList<>();
  private final List<SkippedTransaction> skipped = new ArrayList<>();
  private final LogsBloom.Builder bloom = LogsBloom.builder();
  private long gasUsed;

  /** A builder for a whole block, or its first share. */
  public BlockExecutionBuilder() {
    this(0);
  }

  /**
   * A builder for a later share of a block: its first receipt's cumulative gas counts on from
   * {@code gasBefore}, the gas the block's earlier transactions used (unsigned 64-bit).
   */
  public BlockExecutionBuilder(long gasBefore) {
    this.gasUsed = gasBefore;
  }

  /** Records the outcome of the next transaction in block order. */
  public BlockExecutionBuilder add(VerifiedTransaction tx, TransactionOutcome outcome) {
    switch (outcome) {
      case Included ok -> {
        gasUsed += ok.gasUsed();
        Receipt receipt = Receipt.of(tx.transaction().type(), ok.status(), gasUsed, ok.logs());
        if (!ok.logs().isEmpty()) {
          bloom.add(receipt.logsBloom());
        }
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

  /**
   * The execution of a block built in {@code shares}, consecutive and in block order, each started
   * at the gas the ones before it used, with {@code diff} as the block's writes.
   */
  public static BlockExecution concat(List<BlockExecutionBuilder> shares, StateDiff diff) {
    List<ExecutedTransaction> included = new ArrayList<>();
    List<SkippedTransaction> skipped = new ArrayList<>();
    LogsBloom.Builder bloom = LogsBloom.builder();
    long gasUsed = 0;
    for (BlockExecutionBuilder share : shares) {
      included.addAll(share.included);
      skipped.addAll(share.skipped);
      bloom.add(share.bloom.build());
      gasUsed = share.gasUsed;
    }
    return new BlockExecution(included, skipped, diff, gasUsed, bloom.build());
  }
}
