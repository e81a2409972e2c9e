package io.paraseq.protocol.trie;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * When a trie hashes the subtrees below its top branch in parallel: on a given executor, once at
 * least {@code minUpdates} updates are pending since the last hash. Below that, or with {@link
 * #sequential()}, the owner thread hashes alone. Either way the root is the same. Immutable.
 */
public final class ParallelHashing {

  private static final ParallelHashing SEQUENTIAL = new ParallelHashing(null, Integer.MAX_VALUE);

  /** Default threshold: a few thousand new nodes are worth a fork. */
  public static final int DEFAULT_MIN_UPDATES = 512;

  private final ExecutorService executor;
  private final int minUpdates;

  private ParallelHashing(ExecutorService executor, int minUpdates) {
    this.executor = executor;
    this.minUpdates = minUpdates;
  }

  /** Always hash on the owner thread. */
  public static ParallelHashing sequential() {
    return SEQUENTIAL;
  }

  /**
   * Hash on {@code executor} when at least {@code minUpdates} updates are pending.
   *
   * @throws IllegalArgumentException if {@code minUpdates} is negative
   */
  public static ParallelHashing on(ExecutorService executor, int minUpdates) {
    Objects.requireNonNull(executor, "executor");
    if (minUpdates < 0) {
      throw new IllegalArgumentException("minUpdates must be >= 0, got " + minUpdates);
    }
    return new ParallelHashing(executor, minUpdates);
  }

  /** Hash on {@code executor} above {@link #DEFAULT_MIN_UPDATES} pending updates. */
  public static ParallelHashing on(ExecutorService executor) {
    return on(executor, DEFAULT_MIN_UPDATES);
  }

  /** The executor to use for {@code pendingUpdates} pending updates, if any. */
  Optional<ExecutorService> executorFor(int pendingUpdates) {
    return executor != null && pendingUpdates >= minUpdates
        ? Optional.of(executor)
        : Optional.empty();
  }
}
