package io.paraseq.bench.compress;

import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.batch.EncodedBatchData;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./paraseq bench compress}: builds the batches, measures them and prints the Markdown
 * report on stdout (progress on stderr). Exit status 0, 1 if a round trip failed, 2 for a wrong
 * command line. See {@link CompressOptions#USAGE}.
 */
public final class CompressMain {

  private CompressMain() {}

  /** Runs the benchmark; see {@link CompressOptions#USAGE}. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream log) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(CompressOptions.USAGE);
      return 0;
    }
    CompressOptions options;
    try {
      options = CompressOptions.parse(args);
    } catch (IllegalArgumentException e) {
      log.println("error: " + e.getMessage());
      log.print(CompressOptions.USAGE);
      return 2;
    }
    log.printf(
        "[compress] deriving %d sender keys and %d recipients (seed %d)%n",
        options.senders(), options.recipients(), options.seed());
    BatchGenerator generator =
        new BatchGenerator(options.seed(), options.senders(), options.recipients());
    CompressBench bench = new CompressBench(options.reps(), log);
    List<Measurement> rows = new ArrayList<>();
    List<LayoutTiming> layouts = new ArrayList<>();
    for (Workload workload : options.workloads()) {
      log.printf("[compress] signing %d %s transactions%n", options.txs(), workload.label());
      GeneratedBatch batch = generator.generate(workload, options.txs());
      List<Format> formats = new ArrayList<>();
      for (BatchVersion version : BatchVersion.values()) {
        formats.add(Format.cold(version));
      }
      if (options.warmup() > 0) {
        formats.add(Format.steady(steadyRegistry(generator, workload, options, log)));
      }
      CompressBench.Result result = bench.run(batch, formats, options.codecs());
      rows.addAll(result.rows());
      layouts.addAll(result.layouts());
    }
    out.printf(
        "Batch compression: %d transactions per batch, %d senders, %d recipients (Zipf s=1),"
            + " seed %d, median of %d warm runs; v2 steady: the registry after %d earlier"
            + " batches; %s; JDK %s, %d CPUs%n%n",
        options.txs(),
        options.senders(),
        options.recipients(),
        options.seed(),
        options.reps(),
        options.warmup(),
        Instant.now(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    out.print(CompressReport.render(rows, layouts));
    log.printf("[compress] done (%d)%n", bench.sink() & 1);
    return rows.stream().allMatch(Measurement::roundTrip) ? 0 : 1;
  }

  /**
   * The address registry after {@code options.warmup()} earlier batches of {@code workload} (rounds
   * 1, 2, …; same senders and recipients, other draws), each encoded as v2 against the registry the
   * ones before it built, as the batcher does.
   */
  static AddressRegistry steadyRegistry(
      BatchGenerator generator, Workload workload, CompressOptions options, PrintStream log) {
    AddressRegistry registry = AddressRegistry.empty();
    for (int round = 1; round <= options.warmup(); round++) {
      log.printf(
          "[compress] signing warm-up batch %d of %d %s transactions%n",
          round, options.txs(), workload.label());
      GeneratedBatch earlier = generator.generate(workload, options.txs(), round);
      EncodedBatchData encoded =
          CompressBench.encoded(earlier, Format.steady(registry), Codec.NONE, 0);
      registry.append(encoded.registryAppends());
    }
    log.printf("[compress] registry: %d addresses%n", registry.size());
    return registry;
  }
}
