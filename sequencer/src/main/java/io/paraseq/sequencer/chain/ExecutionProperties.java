package io.paraseq.sequencer.chain;

import io.paraseq.protocol.exec.stm.WorkThreshold;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the block producer executes blocks (docs/block-stm.md).
 *
 * @param mode {@code parallel} (Block-STM) or {@code sequential} ({@code PARASEQ_EXEC_MODE},
 *     parallel)
 * @param threads Block-STM workers per block, the producer thread included ({@code
 *     PARASEQ_EXEC_THREADS}, 0 = available processors, 0 … 256)
 * @param minParallelTxs blocks with fewer transactions run sequentially even in parallel mode
 *     ({@code PARASEQ_EXEC_MIN_PARALLEL_TXS}, {@value #DEFAULT_MIN_PARALLEL_TXS}, 0 … 1000000)
 * @param hotSenderFallback a block in which one sender has at least 1/threads of the transactions
 *     runs sequentially: that sender's nonce chain cannot run in parallel ({@code
 *     PARASEQ_EXEC_HOT_SENDER_FALLBACK}, true)
 * @param contentionFallback a block whose Block-STM executions conflict too often (two windows of
 *     64 executions in a row with at least 0.2 re-executions and suspensions per execution, in the
 *     block's first half) is abandoned and run sequentially: one hot program location serialises it
 *     anyway ({@code PARASEQ_EXEC_CONTENTION_FALLBACK}, true)
 * @param costRule a block whose estimated work is too small for Block-STM's bookkeeping runs
 *     sequentially: it runs in parallel only when {@code work × (threads − 1) ≥ bookkeepingCost ×
 *     transactions}, the work being the sum of the costs below by kind of transaction ({@code
 *     PARASEQ_EXEC_COST_RULE}, true; {@code WorkThreshold})
 * @param transferCost the estimated cost of a plain transfer (no calldata, or a call to an account
 *     that is no native program), in units of about one ETH transfer's sequential execution ({@code
 *     PARASEQ_EXEC_TRANSFER_COST}, 1, 0 … 1000000)
 * @param tokenCost the estimated cost of a call to an ERC-20 token ({@code
 *     PARASEQ_EXEC_TOKEN_COST}, 4, 0 … 1000000)
 * @param pairCost the estimated cost of a call to an AMM pair ({@code PARASEQ_EXEC_PAIR_COST}, 10,
 *     0 … 1000000)
 * @param bookkeepingCost Block-STM's extra cost per transaction ({@code
 *     PARASEQ_EXEC_BOOKKEEPING_COST}, 2, 1 … 1000000)
 */
@ConfigurationProperties("paraseq.exec")
@Validated
record ExecutionProperties(
    @DefaultValue("parallel") @NotNull Mode mode,
    @DefaultValue("0") @Min(0) @Max(256) int threads,
    @DefaultValue("" + DEFAULT_MIN_PARALLEL_TXS) @Min(0) @Max(1_000_000) int minParallelTxs,
    @DefaultValue("true") boolean hotSenderFallback,
    @DefaultValue("true") boolean contentionFallback,
    @DefaultValue("true") boolean costRule,
    @DefaultValue("1") @Min(0) @Max(1_000_000) int transferCost,
    @DefaultValue("4") @Min(0) @Max(1_000_000) int tokenCost,
    @DefaultValue("10") @Min(0) @Max(1_000_000) int pairCost,
    @DefaultValue("2") @Min(1) @Max(1_000_000) int bookkeepingCost) {

  /** The default threshold, measured with bench's BlockExecutorBench (docs/block-stm.md). */
  static final int DEFAULT_MIN_PARALLEL_TXS = 100;

  /** The two executors. */
  enum Mode {
    /** Block-STM, falling back to sequential below {@code minParallelTxs}. */
    PARALLEL,
    /** The sequential reference executor for every block. */
    SEQUENTIAL
  }

  /** The cost rule these settings ask for ({@link WorkThreshold#OFF} when it is off). */
  WorkThreshold workThreshold() {
    return costRule
        ? new WorkThreshold(transferCost, tokenCost, pairCost, bookkeepingCost)
        : WorkThreshold.OFF;
  }

  /** The worker count, with 0 resolved to the available processors. */
  int effectiveThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
