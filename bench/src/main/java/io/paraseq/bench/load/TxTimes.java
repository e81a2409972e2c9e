package io.paraseq.bench.load;

import java.util.Arrays;

/**
 * What happened to each transaction of a run, in {@link System#nanoTime} units: when its latency
 * starts ({@link Schedule#latencyOrigin}), when the target acknowledged it, and when the block
 * holding it was first seen.
 *
 * <p>Single writers, no locks: the lane that owns a transaction writes its origin and
 * acknowledgement, the block follower writes inclusions; they are read once those threads have been
 * joined (the join is the happens-before edge).
 */
final class TxTimes {

  /** Marks a time not recorded (yet). */
  static final long UNSET = Long.MIN_VALUE;

  private final long[] firstSent;
  private final long[] origin;
  private final long[] acked;
  private final long[] included;

  /** Empty records for {@code size} transactions. */
  TxTimes(int size) {
    firstSent = unset(size);
    origin = unset(size);
    acked = unset(size);
    included = unset(size);
  }

  /** The number of transactions. */
  int size() {
    return included.length;
  }

  /** Records that {@code index} was sent at {@code nanos}, unless it was sent before. */
  void sent(int index, long nanos) {
    if (firstSent[index] == UNSET) {
      firstSent[index] = nanos;
    }
  }

  /** When {@code index} was first sent, or {@link #UNSET}. */
  long firstSent(int index) {
    return firstSent[index];
  }

  /** Records the acknowledgement of {@code index} and where its latency starts. */
  void acked(int index, long originNanos, long ackNanos) {
    origin[index] = originNanos;
    acked[index] = ackNanos;
  }

  /** Records that a block holding {@code index} was seen at {@code nanos}; false if seen before. */
  boolean included(int index, long nanos) {
    if (included[index] != UNSET) {
      return false;
    }
    included[index] = nanos;
    return true;
  }

  /** Where the latency of {@code index} starts, or {@link #UNSET} if it was not acknowledged. */
  long origin(int index) {
    return origin[index];
  }

  /** When {@code index} was acknowledged, or {@link #UNSET}. */
  long acked(int index) {
    return acked[index];
  }

  /** When the block holding {@code index} was first seen, or {@link #UNSET}. */
  long included(int index) {
    return included[index];
  }

  /** When the last inclusion was first seen, or {@link #UNSET} if none was. */
  long lastIncluded() {
    long last = UNSET;
    for (long t : included) {
      if (t != UNSET && (last == UNSET || t - last > 0)) {
        last = t;
      }
    }
    return last;
  }

  private static long[] unset(int size) {
    long[] times = new long[size];
    Arrays.fill(times, UNSET);
    return times;
  }
}
