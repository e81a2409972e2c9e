package io.paraseq.bench.load;

import java.util.Arrays;

/**
 * Who sends each transaction of a workload, with which nonce, and over which connection ("lane").
 *
 * <p>Transaction {@code i} is sent by sender {@code i mod S} with nonce {@code start[sender] + i
 * div S}: the transactions are spread evenly over the senders, each sender's in nonce order, and
 * consecutive transactions belong to different senders (so a batch touches many senders and no
 * sender hogs the pool). Sender {@code s} always uses lane {@code s mod L}: a sender's transactions
 * go through one connection, in index order, which is their nonce order. There are never more lanes
 * than senders. Immutable.
 */
final class NoncePlan {

  private final int size;
  private final long[] startNonces;
  private final int lanes;

  private NoncePlan(int size, long[] startNonces, int lanes) {
    this.size = size;
    this.startNonces = startNonces;
    this.lanes = lanes;
  }

  /**
   * Plans {@code size} transactions over {@code startNonces.length} senders (their next nonces) and
   * at most {@code lanes} lanes.
   */
  static NoncePlan of(int size, long[] startNonces, int lanes) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + size);
    }
    if (startNonces.length == 0) {
      throw new IllegalArgumentException("at least one sender is needed");
    }
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes must be >= 1: " + lanes);
    }
    for (long nonce : startNonces) {
      if (nonce < 0) {
        throw new IllegalArgumentException("nonces must be >= 0: " + nonce);
      }
    }
    return new NoncePlan(size, startNonces.clone(), Math.min(lanes, startNonces.length));
  }

  /** The number of transactions. */
  int size() {
    return size;
  }

  /** The number of senders. */
  int senders() {
    return startNonces.length;
  }

  /** The number of lanes (at most the number of senders). */
  int lanes() {
    return lanes;
  }

  /** The sender of transaction {@code index}. */
  int sender(int index) {
    return checked(index) % startNonces.length;
  }

  /** The nonce of transaction {@code index}. */
  long nonce(int index) {
    return startNonces[sender(index)] + index / startNonces.length;
  }

  /** The lane of transaction {@code index}. */
  int lane(int index) {
    return sender(index) % lanes;
  }

  /** The most transactions any one sender sends. */
  int maxPerSender() {
    return (size + startNonces.length - 1) / startNonces.length;
  }

  /** The transactions of {@code lane}, ascending: the order the lane sends them in. */
  int[] laneOrder(int lane) {
    if (lane < 0 || lane >= lanes) {
      throw new IllegalArgumentException("lane must be in [0, " + lanes + "): " + lane);
    }
    int[] order = new int[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (lane(i) == lane) {
        order[n++] = i;
      }
    }
    return Arrays.copyOf(order, n);
  }

  private int checked(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("transaction " + index + " of " + size);
    }
    return index;
  }
}
