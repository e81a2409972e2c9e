package io.paraseq.bench.compress;

import io.paraseq.bench.CommandLineOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@code ./paraseq bench compress}.
 *
 * @param txs transactions per batch
 * @param senders sender accounts
 * @param recipients recipient addresses (ranks drawn Zipf-like)
 * @param seed seed of keys, recipients and every random choice
 * @param reps timed repetitions per measurement (the median is reported)
 * @param warmup earlier batches that fill the address registry for the "v2 steady" rows
 * @param workloads the batches measured
 * @param codecs the codec levels measured
 */
record CompressOptions(
    int txs,
    int senders,
    int recipients,
    long seed,
    int reps,
    int warmup,
    List<Workload> workloads,
    List<CodecLevel> codecs) {

  static final String USAGE =
      """
      Usage: ./paraseq bench compress [options]
        --txs N          transactions per batch (default 10000)
        --senders N      sender accounts (default 1000)
        --recipients N   recipient addresses, drawn Zipf-like (default 10000)
        --seed S         seed of keys, recipients and choices (default 1)
        --reps R         timed repetitions per measurement, median reported (default 5)
        --warmup N       earlier batches of the same populations that fill the address
                         registry before the "v2 steady" rows (default 1; 0 leaves them out)
        --workloads LIST transfers,tokens,swaps,mix (default all)
        --codecs LIST    e.g. none,deflate-6,zstd-19,brotli-11 (default: none, deflate 1/6/9,
                         zstd 1/3/9/19, brotli 1/6/9/11)
      """;

  static CompressOptions defaults() {
    return new CompressOptions(
        10_000, 1_000, 10_000, 1, 5, 1, List.of(Workload.values()), CodecLevel.DEFAULTS);
  }

  /**
   * Parses {@code --name value} and {@code --name=value} options.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value; its message says which
   */
  static CompressOptions parse(List<String> args) {
    CompressOptions options = defaults();
    for (CommandLineOptions.Option option : CommandLineOptions.parse(args)) {
      String name = option.name();
      String value = option.value();
      options =
          switch (name) {
            case "--txs" -> options.with(positive(name, value), 0);
            case "--senders" -> options.with(positive(name, value), 1);
            case "--recipients" -> options.with(positive(name, value), 2);
            case "--reps" -> options.with(positive(name, value), 3);
            case "--warmup" -> options.with(nonNegative(name, value), 4);
            case "--seed" ->
                new CompressOptions(
                    options.txs,
                    options.senders,
                    options.recipients,
                    Long.parseLong(value),
                    options.reps,
                    options.warmup,
                    options.workloads,
                    options.codecs);
            case "--workloads" ->
                new CompressOptions(
                    options.txs,
                    options.senders,
                    options.recipients,
                    options.seed,
                    options.reps,
                    options.warmup,
                    Arrays.stream(value.split(","))
                        .map(w -> Workload.valueOf(w.trim().toUpperCase(Locale.ROOT)))
                        .toList(),
                    options.codecs);
            case "--codecs" ->
                new CompressOptions(
                    options.txs,
                    options.senders,
                    options.recipients,
                    options.seed,
                    options.reps,
                    options.warmup,
                    options.workloads,
                    Arrays.stream(value.split(",")).map(CodecLevel::parse).toList());
            default -> throw new IllegalArgumentException("unknown option " + name);
          };
    }
    return options;
  }

  private CompressOptions with(int value, int which) {
    return new CompressOptions(
        which == 0 ? value : txs,
        which == 1 ? value : senders,
        which == 2 ? value : recipients,
        seed,
        which == 3 ? value : reps,
        which == 4 ? value : warmup,
        workloads,
        codecs);
  }

  private static int nonNegative(String name, String value) {
    return positive(name, value, 0);
  }

  private static int positive(String name, String value) {
    return positive(name, value, 1);
  }

  private static int positive(String name, String value, int least) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, got " + value, e);
    }
    if (parsed < least) {
      throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
    }
    return parsed;
  }
}
