package io.paraseq.batcher.post;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link Batcher}; batcher/README.md lists each with its default and environment
 * variable.
 *
 * @param maxBytes the largest posted data of one batch (a single larger block is posted alone)
 * @param maxBlocks the most L2 blocks in one batch
 * @param maxAge a batch is closed once its oldest block is this old
 * @param pollInterval the pause between two iterations of the batcher's loop
 */
public record BatcherConfig(int maxBytes, int maxBlocks, Duration maxAge, Duration pollInterval) {

  /** The defaults: 120,000 bytes (calldata), 600 blocks, 10 s, polled every second. */
  public static final BatcherConfig DEFAULTS =
      new BatcherConfig(120_000, 600, Duration.ofSeconds(10), Duration.ofSeconds(1));

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first bad setting and its value
   */
  public BatcherConfig {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (maxBytes < 1_000) {
      throw new IllegalArgumentException("maxBytes must be at least 1000: " + maxBytes);
    }
    if (maxBlocks < 1) {
      throw new IllegalArgumentException("maxBlocks must be at least 1: " + maxBlocks);
    }
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
  }
}
