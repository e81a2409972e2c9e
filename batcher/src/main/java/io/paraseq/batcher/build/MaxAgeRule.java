package io.paraseq.batcher.build;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Closes when the oldest pending block is {@code maxAge} old: its timestamp (whole seconds) plus
 * {@code maxAge} is not after now.
 */
public final class MaxAgeRule implements CloseRule {

  private final Duration maxAge;

  /** Closes once the oldest pending block is {@code maxAge} old. */
  public MaxAgeRule(Duration maxAge) {
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("negative maxAge " + maxAge);
    }
  }

  @Override
  public Optional<String> closes(PendingBlocks pending) {
    Instant oldest = Instant.ofEpochSecond(pending.blocks().getFirst().timestamp());
    Duration age = Duration.between(oldest, pending.now());
    return age.compareTo(maxAge) >= 0
        ? Optional.of("age (" + age.toSeconds() + " s)")
        : Optional.empty();
  }
}
