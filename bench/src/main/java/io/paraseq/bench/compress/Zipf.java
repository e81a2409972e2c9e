package io.paraseq.bench.compress;

import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to {@code 1 / (rank+1)^s}: a few recipients get
 * most transfers, most get one or none, as on a real chain.
 */
final class Zipf {

  private final double[] cumulative;

  /**
   * A distribution over {@code n} ranks with exponent {@code s}.
   *
   * @throws IllegalArgumentException if {@code n < 1} or {@code s < 0}
   */
  Zipf(int n, double s) {
    if (n < 1 || s < 0) {
      throw new IllegalArgumentException("need n >= 1 and s >= 0, got " + n + ", " + s);
    }
    cumulative = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, s);
      cumulative[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cumulative[k] /= sum;
    }
  }

  /** The next rank. */
  int next(SplittableRandom random) {
    double u = random.nextDouble();
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
