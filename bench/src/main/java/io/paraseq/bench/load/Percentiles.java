package io.paraseq.bench.load;

import java.util.Arrays;

/**
 * Nearest-rank percentiles (the smallest value with at least {@code q} of all values at or below
 * it), as HdrHistogram and most load tools report them: no interpolation, every reported value was
 * observed.
 */
final class Percentiles {

  private Percentiles() {}

  /**
   * A summary of durations.
   *
   * @param count how many
   * @param p50 the median, nanoseconds
   * @param p99 the 99th percentile, nanoseconds
   * @param max the largest, nanoseconds
   */
  record Summary(int count, long p50, long p99, long max) {

    /** The summary of no values: all zero. */
    static final Summary EMPTY = new Summary(0, 0, 0, 0);
  }

  /** Summarises {@code values} (not modified); {@link Summary#EMPTY} when there are none. */
  static Summary summarise(long[] values) {
    if (values.length == 0) {
      return Summary.EMPTY;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Summary(
        sorted.length,
        nearestRank(sorted, 0.50),
        nearestRank(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  /**
   * The nearest-rank {@code q} quantile of {@code sorted}: the value at rank {@code ceil(q × n)}
   * (1-based).
   *
   * @param sorted ascending, not empty
   * @param q in (0, 1]
   */
  static long nearestRank(long[] sorted, double q) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in (0, 1]: " + q);
    }
    // The small epsilon keeps binary rounding (0.99 × 1000 = 990.0000000000001) from adding a rank.
    int rank = (int) Math.ceil(q * sorted.length - 1e-9);
    return sorted[Math.max(rank, 1) - 1];
  }
}
