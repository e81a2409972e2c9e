package io.paraseq.bench.exec;

import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.stm.BlockStmExecutor;
import io.paraseq.protocol.exec.stm.BlockStmStats;
import io.paraseq.protocol.exec.stm.ContentionFallback;
import io.paraseq.protocol.exec.stm.WorkThreshold;
import io.paraseq.protocol.state.WorldState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Measures one cell: the sequential executor and Block-STM with each thread count, on the same
 * block and state, warm. Each round runs every executor once (the starting executor rotates, so
 * drift on a shared machine spreads over all of them); after the warm-up rounds, the measured
 * rounds time each {@code execute} call alone (wall time), read the heap bytes all threads
 * allocated during it and Block-STM's statistics. Every Block-STM execution, warm-up included, is
 * compared with the sequential one; a difference stops the run with a {@link
 * ResultMismatchException}. The state root (applying the diff to a fresh genesis {@code
 * WorldState}) is timed separately, never inside {@code execute}.
 *
 * <p>Besides raw Block-STM (fallbacks off) on each thread count, measures the node's production
 * configuration: Block-STM on the largest thread count with the hot-sender and contention fallbacks
 * on ({@code paraseq.exec.hot-sender-fallback} and {@code paraseq.exec.contention-fallback} default
 * to true; {@link ContentionFallback#DEFAULT}) and the node's default threshold of {@value
 * #NODE_MIN_PARALLEL_TXS} transactions.
 *
 * <p>Owns one {@link BlockStmExecutor} per configuration, reused across cells; {@link #close()}
 * stops their pools. Single-threaded: call it from one thread.
 */
final class CellBench implements AutoCloseable {

  private static final int STATE_ROOT_REPS = 3;

  /** The node's default {@code paraseq.exec.min-parallel-txs}. */
  static final int NODE_MIN_PARALLEL_TXS = 100;

  private final List<Config> configs = new ArrayList<>();
  private final AllocationMeter meter = new AllocationMeter();
  private final PrintStream log;

  /**
   * A bench with Block-STM on each of {@code threads}.
   *
   * @param threads the Block-STM thread counts, each at least 1
   * @param log where progress lines go
   */
  CellBench(List<Integer> threads, PrintStream log) {
    this.log = log;
    configs.add(new Config(0, false, new SequentialExecutor(), new LastStats()));
    for (int count : threads) {
      LastStats stats = new LastStats();
      configs.add(new Config(count, false, new BlockStmExecutor(count, 0, stats), stats));
    }
    int nodeThreads = threads.stream().mapToInt(Integer::intValue).max().orElse(1);
    LastStats nodeStats = new LastStats();
    configs.add(
        new Config(
            nodeThreads,
            true,
            new BlockStmExecutor(
                nodeThreads,
                NODE_MIN_PARALLEL_TXS,
                true,
                ContentionFallback.DEFAULT,
                WorkThreshold.DEFAULT,
                nodeStats),
            nodeStats));
  }

  /**
   * Runs {@code block}: {@code warmup} untimed rounds, then {@code iterations} measured ones.
   *
   * @return the sequential row first, then one row per Block-STM thread count, then the node's
   * @throws ResultMismatchException if a Block-STM execution differs from the sequential one
   * @throws IllegalStateException if the sequential execution skipped or failed a transaction
   */
  List<ExecutorRow> run(BenchBlock block, int warmup, int iterations)
      throws ResultMismatchException {
    BlockExecution expected = configs.getFirst().execute(block);
    Optional<String> problem = Executions.problem(block, expected);
    if (problem.isPresent()) {
      throw new IllegalStateException("workload " + block + " is broken: " + problem.get());
    }
    long stateRoot = stateRootNanos(block, expected);
    System.gc();
    for (int round = 0; round < warmup; round++) {
      for (int k = 0; k < configs.size(); k++) {
        Config config = configs.get((round + k) % configs.size());
        check(block, expected, config, config.execute(block), "warm-up " + round);
      }
    }
    Samples[] samples = new Samples[configs.size()];
    Arrays.setAll(samples, k -> new Samples(iterations));
    for (int round = 0; round < iterations; round++) {
      for (int k = 0; k < configs.size(); k++) {
        int which = (round + k) % configs.size();
        Config config = configs.get(which);
        long allocated = meter.allocatedBytes();
        long start = System.nanoTime();
        BlockExecution execution = config.execute(block);
        long nanos = System.nanoTime() - start;
        allocated = meter.allocatedBytes() - allocated;
        samples[which].add(nanos, allocated, config.stats.last);
        check(block, expected, config, execution, "iteration " + round);
      }
    }
    long sequentialMedian = samples[0].medianNanos();
    List<ExecutorRow> rows = new ArrayList<>(configs.size());
    for (int k = 0; k < configs.size(); k++) {
      rows.add(
          samples[k].row(block.cell(), configs.get(k), sequentialMedian, k == 0 ? stateRoot : -1));
    }
    log.printf(
        "[exec] %s: sequential %.2f ms, %s%n",
        block,
        sequentialMedian / 1e6,
        rows.stream()
            .skip(1)
            .map(
                r ->
                    String.format(
                        "%s%d thr %.2f ms (%.2fx)",
                        r.hotSenderFallback() ? "node " : "",
                        r.threads(),
                        r.medianNanos() / 1e6,
                        r.speedup()))
            .toList());
    for (int k = 1; k < configs.size(); k++) {
      if (samples[k].abandoned > 0) {
        log.printf(
            "[exec]   %s%d thr: %d of %d measured rounds abandoned by the contention fallback%n",
            configs.get(k).fallback ? "node " : "",
            configs.get(k).threads,
            samples[k].abandoned,
            iterations);
      }
      if (samples[k].sequential > 0) {
        log.printf(
            "[exec]   %s%d thr: %d of %d measured rounds run sequentially (%s)%n",
            configs.get(k).fallback ? "node " : "",
            configs.get(k).threads,
            samples[k].sequential,
            iterations,
            samples[k].route);
      }
    }
    return rows;
  }

  /** Stops the Block-STM pools. */
  @Override
  public void close() {
    for (Config config : configs) {
      if (config.executor instanceof BlockStmExecutor stm) {
        stm.close();
      }
    }
  }

  private static void check(
      BenchBlock block, BlockExecution expected, Config config, BlockExecution actual, String when)
      throws ResultMismatchException {
    Optional<String> difference = Executions.difference(expected, actual);
    if (difference.isPresent()) {
      throw new ResultMismatchException(
          "Block-STM with "
              + config.threads
              + " threads"
              + (config.fallback ? " (node fallbacks on)" : "")
              + " differs from the sequential executor on "
              + block
              + " ("
              + when
              + "): "
              + difference.get());
    }
  }

  private static long stateRootNanos(BenchBlock block, BlockExecution execution) {
    long[] nanos = new long[STATE_ROOT_REPS];
    for (int i = 0; i < nanos.length; i++) {
      WorldState state = WorldState.genesis(block.alloc());
      long start = System.nanoTime();
      state.apply(execution.diff());
      state.stateRoot();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[nanos.length / 2];
  }

  /**
   * One executor under test; {@code threads} 0 is the sequential executor, {@code fallback} the
   * node's configuration.
   */
  private record Config(int threads, boolean fallback, BlockExecutor executor, LastStats stats) {
    BlockExecution execute(BenchBlock block) {
      return executor.execute(block.context(), block.transactions(), block.state());
    }
  }

  /** Keeps the statistics of the last block (the listener runs on the calling thread). */
  private static final class LastStats implements io.paraseq.protocol.exec.stm.BlockStmListener {
    private BlockStmStats last;

    @Override
    public void blockExecuted(BlockStmStats stats) {
      last = stats;
    }
  }

  /** The measured iterations of one executor. */
  private static final class Samples {
    private final long[] nanos;
    private int count;
    private long allocated;
    private long reexecutions;
    private long aborts;
    private long suspensions;
    private int abandoned;
    private int sequential;
    private BlockStmStats.Route route;

    Samples(int iterations) {
      nanos = new long[iterations];
    }

    void add(long elapsed, long allocatedBytes, BlockStmStats stats) {
      nanos[count++] = elapsed;
      allocated += allocatedBytes;
      if (stats != null) {
        reexecutions += stats.reexecutions();
        aborts += stats.validationAborts();
        suspensions += stats.suspensions();
        abandoned += stats.abandoned() ? 1 : 0;
        if (stats.sequential()) {
          sequential++;
          route = stats.route();
        }
      }
    }

    long medianNanos() {
      long[] sorted = Arrays.copyOf(nanos, count);
      Arrays.sort(sorted);
      return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }

    ExecutorRow row(Cell cell, Config config, long sequentialMedian, long stateRoot) {
      double perTx = (double) count * cell.txs();
      long median = medianNanos();
      return new ExecutorRow(
          cell,
          config.threads,
          config.fallback,
          median,
          (double) sequentialMedian / median,
          reexecutions / perTx,
          aborts / perTx,
          suspensions / perTx,
          allocated / perTx,
          stateRoot);
    }
  }
}
