package io.paraseq.bench.load;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The send order of one lane: its transactions ascending, with refused ones put back.
 *
 * <p>{@link #next} returns the transactions put back by {@link #retry} first (ascending), then
 * fresh ones in order. A sender's retried transactions have lower nonces than any of its fresh
 * ones, so each batch, and the sequence of batches, keeps every sender's nonce order except that a
 * retried transaction may follow a higher nonce of its sender that the target already accepted (it
 * then fills the gap). Owned by the lane's thread; not thread-safe.
 */
final class LaneQueue {

  private final int[] order;
  private int cursor;
  private final TreeSet<Integer> retries = new TreeSet<>();

  /** A queue over {@code order}, the lane's transaction indices, ascending. */
  LaneQueue(int[] order) {
    for (int i = 1; i < order.length; i++) {
      if (order[i] <= order[i - 1]) {
        throw new IllegalArgumentException("lane order must be ascending at position " + i);
      }
    }
    this.order = order.clone();
  }

  /**
   * The next batch: up to {@code max} transactions, retries first, then fresh transactions whose
   * index is below {@code dueBelow} (the open-loop schedule; {@link Integer#MAX_VALUE} when
   * unpaced). Empty when nothing is due.
   */
  int[] next(int max, int dueBelow) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1: " + max);
    }
    int n = Math.min(max, retries.size() + order.length - cursor);
    int[] batch = new int[n];
    int filled = 0;
    while (filled < n && !retries.isEmpty()) {
      batch[filled++] = retries.pollFirst();
    }
    while (filled < n && cursor < order.length && order[cursor] < dueBelow) {
      batch[filled++] = order[cursor++];
    }
    return filled == n ? batch : Arrays.copyOf(batch, filled);
  }

  /** Puts {@code indices} (taken from this queue) back, to be sent before fresh transactions. */
  void retry(int[] indices) {
    for (int index : indices) {
      retries.add(index);
    }
  }

  /** The index of the next fresh transaction, or -1 when all have been taken. */
  int nextFresh() {
    return cursor < order.length ? order[cursor] : -1;
  }

  /** Whether nothing is left to send. */
  boolean isEmpty() {
    return retries.isEmpty() && cursor == order.length;
  }

  /** Removes and returns everything not sent yet (retries and fresh), ascending. */
  int[] drain() {
    int[] rest = next(Integer.MAX_VALUE, Integer.MAX_VALUE);
    Arrays.sort(rest);
    return rest;
  }
}
