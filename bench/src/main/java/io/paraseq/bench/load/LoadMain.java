package io.paraseq.bench.load;

import io.paraseq.contracts.anvil.AnvilProcess;
import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The load generator's command line: measures the Paraseq node at {@code --rpc-url}, a fresh anvil,
 * or both (Paraseq first, then anvil, never at the same time), and prints the results side by side.
 * A target that fails is reported and leaves the other's result standing. Exit status 0 on success,
 * 1 if a run failed, 2 for a wrong command line. See {@link LoadOptions#USAGE}.
 */
public final class LoadMain {

  private LoadMain() {}

  /** Runs the generator; see {@link LoadOptions#USAGE}. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the generator, printing the report to {@code out} and progress to {@code log}. */
  static int run(List<String> args, PrintStream out, PrintStream log) {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args, System.getenv());
    } catch (UsageException e) {
      if (!e.getMessage().isEmpty()) {
        log.println("error: " + e.getMessage());
      }
      log.print(LoadOptions.USAGE);
      return e.getMessage().isEmpty() ? 0 : 2;
    }
    List<RunResult> results = new ArrayList<>();
    boolean failed = false;
    LoadRun run = new LoadRun(options, log);
    if (options.target().paraseq()) {
      failed |= !measure(() -> run.run("paraseq", options.rpcUrl().orElseThrow()), results, log);
    }
    if (options.target().anvil()) {
      failed |=
          !measure(
              () -> {
                try (AnvilProcess anvil =
                    AnvilProcess.start(
                        options.anvilBinary().orElseThrow(),
                        options.anvilArgs(),
                        options.logDirectory())) {
                  log.println(
                      "[load] anvil started at "
                          + anvil.rpcUrl()
                          + " (log "
                          + anvil.logFile()
                          + ")");
                  return run.run("anvil", anvil.rpcUrl());
                }
              },
              results,
              log);
    }
    if (!results.isEmpty()) {
      out.print(header(options));
      out.print(ReportTable.render(results));
    }
    return failed ? 1 : 0;
  }

  /**
   * Runs one target; a failure is reported on {@code log} and leaves the other targets' results
   * standing.
   *
   * @return whether it succeeded
   */
  private static boolean measure(
      Supplier<RunResult> target, List<RunResult> results, PrintStream log) {
    try {
      results.add(target.get());
      return true;
    } catch (RpcException | IllegalStateException e) {
      log.println("error: " + e.getMessage());
      return false;
    }
  }

  private static String header(LoadOptions options) {
    String anvil =
        options.anvilArgs().isEmpty()
            ? "default options (automine: mines a block as soon as transactions arrive)"
            : String.join(" ", options.anvilArgs());
    return String.format(
        Locale.ROOT,
        "%nParaseq load generator, %s%n"
            + "  %,d transfers from %,d senders, %d connections, batches of %d, %s, seed %d%n"
            + "  fee cap %s, tip %s, value %d wei%s%n"
            + "  machine: %d CPUs, Java %s%n%n",
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        options.transactions(),
        options.senders(),
        options.concurrency(),
        options.batchSize(),
        options.schedule().describe(),
        options.seed(),
        options.fees().maxFeePerGas(),
        options.fees().maxPriorityFeePerGas(),
        options.valueWei(),
        options.target().anvil() ? String.format("%n  anvil: %s", anvil) : "",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
  }
}
