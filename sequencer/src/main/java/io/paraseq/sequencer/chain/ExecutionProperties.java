package io.paraseq.sequencer.chain;

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
 */
@ConfigurationProperties("paraseq.exec")
@Validated
record ExecutionProperties(
    @DefaultValue("parallel") @NotNull Mode mode,
    @DefaultValue("0") @Min(0) @Max(256) int threads,
    @DefaultValue("" + DEFAULT_MIN_PARALLEL_TXS) @Min(0) @Max(1_000_000) int minParallelTxs,
    @DefaultValue("true") boolean hotSenderFallback,
    @DefaultValue("true") boolean contentionFallback) {

  /** The default threshold, measured with bench's BlockExecutorBench (docs/block-stm.md). */
  static final int DEFAULT_MIN_PARALLEL_TXS = 100;

  /** The two executors. */
  enum Mode {
    /** Block-STM, falling back to sequential below {@code minParallelTxs}. */
    PARALLEL,
    /** The sequential reference executor for every block. */
    SEQUENTIAL
  }

  /** The worker count, with 0 resolved to the available processors. */
  int effectiveThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
