package io.paraseq.batcher.build;

import java.util.Optional;

/**
 * Closes when the pending blocks no longer fit in {@code maxBytes} of posted data (or when more
 * blocks wait than were read). The builder then posts the longest prefix that fits.
 *
 * <p>Encoding is only needed near the limit: while the raw transactions take less than half of it,
 * the encoded batch fits (v1 is smaller than the raw transactions and Zstandard adds a few bytes at
 * most to incompressible input), so the rule answers without encoding.
 */
public final class MaxBytesRule implements CloseRule {

  private final int maxBytes;

  /** Closes at {@code maxBytes} of posted data. */
  public MaxBytesRule(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public Optional<String> closes(PendingBlocks pending) {
    if (pending.truncated()) {
      return Optional.of("bytes (read budget reached)");
    }
    if (pending.rawBytes() < maxBytes / 2) {
      return Optional.empty();
    }
    int size = pending.encoded().data().length();
    return size > maxBytes
        ? Optional.of("bytes (" + size + " > " + maxBytes + ")")
        : Optional.empty();
  }
}
