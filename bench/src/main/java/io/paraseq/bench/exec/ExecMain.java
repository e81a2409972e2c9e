package io.paraseq.bench.exec;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ./paraseq bench exec}: the Block-STM grid. For each workload, account count and block size
 * it builds the block ({@link BlockBuilder}, signing outside the measurement), runs the sequential
 * executor and Block-STM with each thread count on it ({@link CellBench}) and prints the Markdown
 * report on stdout (progress on stderr). Exit status 0; 1 if a Block-STM result differed from the
 * sequential one or a workload did not run cleanly (no figures are printed then); 2 for a wrong
 * command line. See {@link ExecOptions#USAGE}.
 */
public final class ExecMain {

  private ExecMain() {}

  /** Runs the grid; see {@link ExecOptions#USAGE}. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream log) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(ExecOptions.USAGE);
      return 0;
    }
    ExecOptions options;
    try {
      options = ExecOptions.parse(args);
    } catch (IllegalArgumentException e) {
      log.println("error: " + e.getMessage());
      log.print(ExecOptions.USAGE);
      return 2;
    }
    int maxAccounts = Collections.max(options.accounts());
    log.printf("[exec] deriving %d keys (seed %d)%n", maxAccounts, options.seed());
    BlockBuilder builder = new BlockBuilder(options.seed(), maxAccounts);
    Instant started = Instant.now();
    List<ExecutorRow> rows = new ArrayList<>();
    try (CellBench bench = new CellBench(options.threads(), log)) {
      for (ExecWorkload workload : options.workloads()) {
        for (int accounts : options.accounts()) {
          for (int txs : options.txs()) {
            BenchBlock block = builder.build(workload, accounts, txs);
            rows.addAll(bench.run(block, options.warmupFor(txs), options.iterationsFor(txs)));
          }
        }
      }
    } catch (ResultMismatchException | IllegalStateException e) {
      log.println("[exec] FAILED: " + e.getMessage());
      return 1;
    }
    out.printf(
        "Block execution: sequential vs Block-STM (threads %s), seed %d; median wall time of"
            + " execute() over %d measured rounds after %d warm-up rounds (blocks of %,d txs or"
            + " more: %d after %d); state root not included (own column: applying the diff to a"
            + " WorldState, median of 3); alloc = heap bytes allocated by all threads during"
            + " execute() (ThreadMXBean.getTotalThreadAllocatedBytes); node = the node's"
            + " defaults, Block-STM on the most threads with the hot-sender and contention"
            + " fallbacks, the cost rule (WorkThreshold.DEFAULT) and min-parallel-txs 100"
            + " (block-stm rows: all off); every"
            + " Block-STM result"
            + " equal to the sequential one; %s to %s; JDK %s, %d CPUs%n%n",
        options.threads(),
        options.seed(),
        options.iterations(),
        options.warmup(),
        ExecOptions.LARGE_BLOCK,
        options.largeIterations(),
        options.largeWarmup(),
        started,
        Instant.now(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    out.print(ExecReport.render(rows));
    return 0;
  }
}
