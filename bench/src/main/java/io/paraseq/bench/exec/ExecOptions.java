package io.paraseq.bench.exec;

import io.paraseq.bench.CommandLineOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The command line of {@code ./paraseq bench exec}. Blocks of at least {@link #LARGE_BLOCK}
 * transactions run {@code largeWarmup} and {@code largeIterations} rounds instead of {@code warmup}
 * and {@code iterations}, to keep the default grid within about ten minutes.
 *
 * @param workloads the workloads measured
 * @param accounts the account counts (each at least 2)
 * @param txs the block sizes (each at least 1)
 * @param threads the Block-STM thread counts (each at least 1)
 * @param warmup untimed rounds per cell, smaller blocks
 * @param iterations measured rounds per cell (the median is reported), smaller blocks
 * @param largeWarmup untimed rounds per cell, large blocks
 * @param largeIterations measured rounds per cell, large blocks
 * @param seed seed of the keys and every random choice
 */
record ExecOptions(
    List<ExecWorkload> workloads,
    List<Integer> accounts,
    List<Integer> txs,
    List<Integer> threads,
    int warmup,
    int iterations,
    int largeWarmup,
    int largeIterations,
    long seed) {

  /** Blocks with at least this many transactions use the large-block rounds. */
  static final int LARGE_BLOCK = 10_000;

  static final String USAGE =
      """
      Usage: ./paraseq bench exec [options]
        --workloads LIST        eth,erc20,amm (default all three)
        --accounts LIST         account counts, each >= 2 (default 2,10,100,1000,10000)
        --txs LIST              transactions per block (default 1000,10000)
        --threads LIST          Block-STM thread counts, e.g. 1,2 or 1-4
                                (default 1 to the available processors)
        --warmup N              untimed rounds per cell, blocks below 10,000 txs (default 10)
        --iterations N          measured rounds per cell, median reported, blocks below
                                10,000 txs (default 15)
        --large-warmup N        untimed rounds per cell, blocks of 10,000 txs or more (default 3)
        --large-iterations N    measured rounds per cell, blocks of 10,000 txs or more (default 7)
        --seed S                seed of the keys, the blocks and every random choice (default 1)
      A round runs the sequential executor and Block-STM with each thread count once on the same
      block. Every Block-STM result is compared with the sequential one: any difference fails
      the run (exit status 1).
      """;

  /** Requires valid values and copies the lists. */
  ExecOptions {
    workloads = List.copyOf(workloads);
    accounts = List.copyOf(accounts);
    txs = List.copyOf(txs);
    threads = List.copyOf(threads);
    requireNonEmpty("--workloads", workloads);
    requireAtLeast("--accounts", accounts, 2);
    requireAtLeast("--txs", txs, 1);
    requireAtLeast("--threads", threads, 1);
    requireAtLeast("--warmup", List.of(warmup), 0);
    requireAtLeast("--iterations", List.of(iterations), 1);
    requireAtLeast("--large-warmup", List.of(largeWarmup), 0);
    requireAtLeast("--large-iterations", List.of(largeIterations), 1);
  }

  /** The grid on this machine's processors. */
  static ExecOptions defaults() {
    return new ExecOptions(
        List.of(ExecWorkload.values()),
        List.of(2, 10, 100, 1_000, 10_000),
        List.of(1_000, 10_000),
        IntStream.rangeClosed(1, Runtime.getRuntime().availableProcessors()).boxed().toList(),
        10,
        15,
        3,
        7,
        1);
  }

  /** Untimed rounds for a block of {@code size} transactions. */
  int warmupFor(int size) {
    return size >= LARGE_BLOCK ? largeWarmup : warmup;
  }

  /** Measured rounds for a block of {@code size} transactions. */
  int iterationsFor(int size) {
    return size >= LARGE_BLOCK ? largeIterations : iterations;
  }

  /**
   * Parses {@code --name value} and {@code --name=value} options over the defaults.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value; its message says which
   */
  static ExecOptions parse(List<String> args) {
    ExecOptions d = defaults();
    List<ExecWorkload> workloads = d.workloads;
    List<Integer> accounts = d.accounts;
    List<Integer> txs = d.txs;
    List<Integer> threads = d.threads;
    int warmup = d.warmup;
    int iterations = d.iterations;
    int largeWarmup = d.largeWarmup;
    int largeIterations = d.largeIterations;
    long seed = d.seed;
    for (CommandLineOptions.Option option : CommandLineOptions.parse(args)) {
      String name = option.name();
      String v = option.value();
      switch (name) {
        case "--workloads" ->
            workloads = Arrays.stream(v.split(",")).map(ExecWorkload::parse).distinct().toList();
        case "--accounts" -> accounts = ints(name, v);
        case "--txs" -> txs = ints(name, v);
        case "--threads" -> threads = ints(name, v);
        case "--warmup" -> warmup = integer(name, v);
        case "--iterations" -> iterations = integer(name, v);
        case "--large-warmup" -> largeWarmup = integer(name, v);
        case "--large-iterations" -> largeIterations = integer(name, v);
        case "--seed" -> seed = longValue(name, v);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new ExecOptions(
        workloads, accounts, txs, threads, warmup, iterations, largeWarmup, largeIterations, seed);
  }

  /** A comma list of numbers and ranges {@code a-b}, in the order given, without repeats. */
  private static List<Integer> ints(String name, String value) {
    List<Integer> out = new ArrayList<>();
    for (String part : value.split(",")) {
      String item = part.trim().replace("_", "");
      int dash = item.indexOf('-', 1);
      if (dash > 0) {
        int from = integer(name, item.substring(0, dash));
        int to = integer(name, item.substring(dash + 1));
        if (to < from) {
          throw new IllegalArgumentException(name + ": empty range " + item);
        }
        IntStream.rangeClosed(from, to).forEach(out::add);
      } else {
        out.add(integer(name, item));
      }
    }
    return out.stream().distinct().toList();
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, got " + value, e);
    }
  }

  private static long longValue(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, got " + value, e);
    }
  }

  private static void requireNonEmpty(String name, List<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  private static void requireAtLeast(String name, List<Integer> values, int min) {
    requireNonEmpty(name, values);
    for (int value : values) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
      }
    }
  }
}
