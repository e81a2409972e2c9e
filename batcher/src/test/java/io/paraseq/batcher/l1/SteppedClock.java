package io.paraseq.batcher.l1;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests step forward; it never moves on its own. Thread-safe. */
final class SteppedClock extends Clock {

  private volatile Instant now;

  SteppedClock(Instant start) {
    this.now = start;
  }

  SteppedClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  synchronized void advance(Duration step) {
    now = now.plus(step);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
