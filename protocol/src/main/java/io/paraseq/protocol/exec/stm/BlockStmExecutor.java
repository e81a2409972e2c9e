package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.TransactionProcessor;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.tx.VerifiedTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes a block in parallel with Block-STM (Gelashvili et al., "Block-STM", 2022): optimistic
 * execution of every transaction against a multi-version memory, validation of each incarnation's
 * reads, re-execution of those whose reads changed, in a collaborative schedule that always favours
 * the lowest transactions. The result equals {@link SequentialExecutor}'s for the same inputs,
 * receipts, gas, skipped transactions and diff alike (docs/block-stm.md explains why).
 *
 * <p>Blocks with fewer than {@code minParallelTransactions} candidates run on the calling thread
 * with {@link SequentialExecutor}: for small blocks the parallel bookkeeping costs more than it
 * saves. With a {@link WorkThreshold}, so do blocks whose estimated work (by kind of transaction)
 * is too small for Block-STM's bookkeeping to pay off. With the hot-sender fallback on, so do
 * blocks where one sender has at least a {@code 1/threads} share of the transactions ({@link
 * HotSender}: such a sender's nonce chain runs one transaction after another anyway). With a {@link
 * ContentionFallback}, a block whose first executions conflict too often is abandoned and run again
 * with {@link SequentialExecutor} (the contention inside programs that no look at the senders
 * shows). Larger blocks run on the calling thread plus up to {@code threads - 1} workers of a pool
 * this executor owns; {@link #close()} stops the pool.
 *
 * <p>Thread-safe: calls on several threads at once share the pool (each block still completes,
 * since its calling thread works on it too). Every call reports its {@link BlockStmStats} to the
 * {@link BlockStmListener}.
 */
public final class BlockStmExecutor implements BlockExecutor, AutoCloseable {

  private static final long CLOSE_WAIT_SECONDS = 10;

  private final int threads;
  private final int minParallelTransactions;
  private final boolean hotSenderFallback;
  private final ContentionFallback contentionFallback;
  private final WorkThreshold workThreshold;
  private final BlockStmListener listener;
  private final ExecutorService pool;
  private final SequentialExecutor sequential = new SequentialExecutor();

  /**
   * An executor with {@code threads} workers in all (the calling thread is one of them).
   *
   * @param threads workers per block, at least 1 (1 runs Block-STM on the calling thread alone)
   * @param minParallelTransactions blocks with fewer candidates run sequentially; 0 never does
   * @param hotSenderFallback whether a block in which one sender has at least {@code 1/threads} of
   *     the transactions runs sequentially ({@link HotSender})
   * @param contentionFallback when a block's first executions conflict so often that it is
   *     abandoned and run sequentially ({@link ContentionFallback#OFF}: never)
   * @param workThreshold which blocks have too little estimated work for Block-STM's bookkeeping
   *     and run sequentially ({@link WorkThreshold#OFF}: none)
   * @param listener receives each block's statistics
   */
  public BlockStmExecutor(
      int threads,
      int minParallelTransactions,
      boolean hotSenderFallback,
      ContentionFallback contentionFallback,
      WorkThreshold workThreshold,
      BlockStmListener listener) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (minParallelTransactions < 0) {
      throw new IllegalArgumentException(
          "minParallelTransactions must not be negative, got " + minParallelTransactions);
    }
    this.threads = threads;
    this.minParallelTransactions = minParallelTransactions;
    this.hotSenderFallback = hotSenderFallback;
    this.contentionFallback = Objects.requireNonNull(contentionFallback, "contentionFallback");
    this.workThreshold = Objects.requireNonNull(workThreshold, "workThreshold");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, new Workers()) : null;
  }

  /** An executor without the cost rule ({@link WorkThreshold#OFF}). */
  public BlockStmExecutor(
      int threads,
      int minParallelTransactions,
      boolean hotSenderFallback,
      ContentionFallback contentionFallback,
      BlockStmListener listener) {
    this(
        threads,
        minParallelTransactions,
        hotSenderFallback,
        contentionFallback,
        WorkThreshold.OFF,
        listener);
  }

  /** An executor without the contention fallback and the cost rule. */
  public BlockStmExecutor(
      int threads,
      int minParallelTransactions,
      boolean hotSenderFallback,
      BlockStmListener listener) {
    this(threads, minParallelTransactions, hotSenderFallback, ContentionFallback.OFF, listener);
  }

  /**
   * An executor without the hot-sender and contention fallbacks: every block not below the
   * threshold in parallel.
   */
  public BlockStmExecutor(int threads, int minParallelTransactions, BlockStmListener listener) {
    this(threads, minParallelTransactions, false, listener);
  }

  /** An executor without the hot-sender fallback and without a listener. */
  public BlockStmExecutor(int threads, int minParallelTransactions) {
    this(threads, minParallelTransactions, BlockStmListener.NONE);
  }

  /** The workers per block, the calling thread included. */
  public int threads() {
    return threads;
  }

  /** Blocks with fewer candidates than this run sequentially. */
  public int minParallelTransactions() {
    return minParallelTransactions;
  }

  /** Whether a block dominated by one sender runs sequentially ({@link HotSender}). */
  public boolean hotSenderFallback() {
    return hotSenderFallback;
  }

  /** When a block's first executions conflict so often that it runs sequentially. */
  public ContentionFallback contentionFallback() {
    return contentionFallback;
  }

  /** Which blocks have too little estimated work to run in parallel. */
  public WorkThreshold workThreshold() {
    return workThreshold;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the executor is closed (for a block that would run in
   *     parallel)
   */
  @Override
  public BlockExecution execute(
      BlockContext context, List<VerifiedTransaction> ordered, StateView state) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(state, "state");
    context.requireGasLimitsFit(ordered);
    BlockStmStats.Route route = route(ordered, state);
    if (route != BlockStmStats.Route.PARALLEL) {
      BlockExecution execution = sequential.execute(context, ordered, state);
      listener.blockExecuted(BlockStmStats.sequential(ordered.size(), route));
      return execution;
    }
    BlockRun run =
        new BlockRun(
            new TransactionProcessor(context),
            ordered,
            state,
            context.feeRecipient(),
            contentionFallback);
    int workers = Math.max(1, Math.min(threads, ordered.size()));
    List<Future<?>> helpers = new ArrayList<>(workers - 1);
    try {
      for (int i = 1; i < workers; i++) {
        helpers.add(pool.submit(run::work));
      }
    } catch (RejectedExecutionException e) {
      run.stop(new IllegalStateException("the Block-STM executor is closed", e));
    }
    run.work(); // returns once the block is done, which also ends the helpers' loops
    awaitAll(helpers);
    if (run.abandoned()) {
      BlockExecution execution = sequential.execute(context, ordered, state);
      listener.blockExecuted(run.stats(workers));
      return execution;
    }
    BlockExecution execution = run.result();
    listener.blockExecuted(run.stats(workers));
    return execution;
  }

  /**
   * How {@code ordered} runs, the cheapest look first: below the count threshold, then the cost
   * rule, then the hot-sender rule; else in parallel.
   */
  private BlockStmStats.Route route(List<VerifiedTransaction> ordered, StateView state) {
    if (ordered.size() < minParallelTransactions) {
      return BlockStmStats.Route.FEW_TRANSACTIONS;
    }
    if (!workThreshold.paysOff(ordered, state, threads)) {
      return BlockStmStats.Route.LITTLE_WORK;
    }
    if (hotSenderFallback && HotSender.dominates(ordered, threads)) {
      return BlockStmStats.Route.HOT_SENDER;
    }
    return BlockStmStats.Route.PARALLEL;
  }

  /** Stops the pool, waiting for a block in progress to finish. */
  @Override
  public void close() {
    if (pool == null) {
      return;
    }
    pool.shutdown();
    boolean interrupted = false;
    try {
      if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for every helper to return. Helpers never throw (see {@link BlockRun#work()}) and return
   * soon after the block is done, so an interrupt is kept for later rather than abandoning them
   * while they still touch the block.
   */
  private static void awaitAll(List<Future<?>> helpers) {
    boolean interrupted = false;
    for (Future<?> helper : helpers) {
      while (true) {
        try {
          helper.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("Block-STM worker failed", e.getCause());
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "BlockStmExecutor[threads="
        + threads
        + ", minParallelTransactions="
        + minParallelTransactions
        + ", hotSenderFallback="
        + hotSenderFallback
        + ", contentionFallback="
        + contentionFallback
        + ", workThreshold="
        + workThreshold
        + "]";
  }

  /** Daemon threads named {@code paraseq-stm-N}. */
  private static final class Workers implements ThreadFactory {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int pool = POOLS.incrementAndGet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "paraseq-stm-" + pool + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
