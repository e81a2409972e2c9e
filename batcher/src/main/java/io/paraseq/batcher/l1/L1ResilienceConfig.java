package io.paraseq.batcher.l1;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry and circuit breaker settings of {@link ResilientL1Client}; batcher/README.md lists each
 * with its default and environment variable.
 *
 * @param retryMaxAttempts calls per operation, the first included (1: no retry)
 * @param retryInitialBackoff the pause before the first retry; doubled before each next one
 * @param retryMaxBackoff the longest pause between retries
 * @param circuitWindowSize the number of recent calls the failure rate is computed over
 * @param circuitMinimumCalls calls needed before the failure rate can open the circuit
 * @param circuitFailureRatePercent the failure rate that opens the circuit
 * @param circuitOpenWait how long an open circuit refuses calls before letting probes through
 * @param circuitHalfOpenCalls probe calls in the half-open state; all must pass to close
 */
public record L1ResilienceConfig(
    int retryMaxAttempts,
    Duration retryInitialBackoff,
    Duration retryMaxBackoff,
    int circuitWindowSize,
    int circuitMinimumCalls,
    int circuitFailureRatePercent,
    Duration circuitOpenWait,
    int circuitHalfOpenCalls) {

  /** The defaults. */
  public static final L1ResilienceConfig DEFAULTS =
      new L1ResilienceConfig(
          3, Duration.ofMillis(250), Duration.ofSeconds(5), 20, 10, 50, Duration.ofSeconds(30), 2);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first bad setting and its value
   */
  public L1ResilienceConfig {
    Objects.requireNonNull(retryInitialBackoff, "retryInitialBackoff");
    Objects.requireNonNull(retryMaxBackoff, "retryMaxBackoff");
    Objects.requireNonNull(circuitOpenWait, "circuitOpenWait");
    require(retryMaxAttempts >= 1, "retryMaxAttempts must be at least 1", retryMaxAttempts);
    require(
        !retryInitialBackoff.isNegative() && !retryInitialBackoff.isZero(),
        "retryInitialBackoff must be positive",
        retryInitialBackoff);
    require(
        retryMaxBackoff.compareTo(retryInitialBackoff) >= 0,
        "retryMaxBackoff must be at least retryInitialBackoff",
        retryMaxBackoff);
    require(circuitWindowSize >= 1, "circuitWindowSize must be at least 1", circuitWindowSize);
    require(
        circuitMinimumCalls >= 1 && circuitMinimumCalls <= circuitWindowSize,
        "circuitMinimumCalls must be in [1, circuitWindowSize]",
        circuitMinimumCalls);
    require(
        circuitFailureRatePercent >= 1 && circuitFailureRatePercent <= 100,
        "circuitFailureRatePercent must be in [1, 100]",
        circuitFailureRatePercent);
    require(
        !circuitOpenWait.isNegative() && !circuitOpenWait.isZero(),
        "circuitOpenWait must be positive",
        circuitOpenWait);
    require(
        circuitHalfOpenCalls >= 1, "circuitHalfOpenCalls must be at least 1", circuitHalfOpenCalls);
  }

  private static void require(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(message + ": " + value);
    }
  }
}
