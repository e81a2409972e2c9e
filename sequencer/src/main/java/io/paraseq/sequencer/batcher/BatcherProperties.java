package io.paraseq.sequencer.batcher;

import io.paraseq.batcher.l1.L1ResilienceConfig;
import io.paraseq.batcher.l1.L1TxConfig;
import io.paraseq.batcher.post.BatcherConfig;
import io.paraseq.protocol.tx.Wei;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigInteger;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The batcher ({@code paraseq.batcher.*}; sequencer/README.md and batcher/README.md list every
 * setting with its environment variable). The private key never appears in {@link #toString()}.
 *
 * @param enabled run the batcher in this node ({@code PARASEQ_BATCHER_ENABLED}, default false; the
 *     devnet turns it on)
 * @param maxBytes the largest posted data of a batch ({@code PARASEQ_BATCHER_MAX_BYTES}, 120000)
 * @param maxBlocks the most L2 blocks in a batch ({@code PARASEQ_BATCHER_MAX_BLOCKS}, 600)
 * @param maxAge a batch closes once its oldest block is this old ({@code PARASEQ_BATCHER_MAX_AGE},
 *     10s)
 * @param pollInterval the pause between two iterations of the batcher's loop ({@code
 *     PARASEQ_BATCHER_POLL_INTERVAL}, 1s)
 * @param privateKey the hex key of the L1 account that posts (an allowed sequencer of the Rollup;
 *     {@code PARASEQ_BATCHER_PRIVATE_KEY}); required when enabled
 * @param l1tx the L1 transaction manager ({@code paraseq.batcher.l1tx.*})
 * @param l1 retries and circuit breaker of L1 calls ({@code paraseq.batcher.l1.*})
 */
@ConfigurationProperties("paraseq.batcher")
@Validated
public record BatcherProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("120000") @Min(1000) int maxBytes,
    @DefaultValue("600") @Min(1) int maxBlocks,
    @DefaultValue("10s") @NotNull Duration maxAge,
    @DefaultValue("1s") @NotNull Duration pollInterval,
    @DefaultValue("")
        @Pattern(
            regexp = "|(0x)?[0-9a-fA-F]{64}",
            message = "must be empty or 64 hex digits, optionally 0x-prefixed")
        String privateKey,
    @DefaultValue @Valid @NotNull L1Tx l1tx,
    @DefaultValue @Valid @NotNull Resilience l1) {

  /** Requires the key when enabled. */
  public BatcherProperties {
    if (enabled && (privateKey == null || privateKey.isEmpty())) {
      throw new IllegalArgumentException(
          "paraseq.batcher.private-key (PARASEQ_BATCHER_PRIVATE_KEY) is required when the"
              + " batcher is enabled");
    }
  }

  /** The batcher's own settings. */
  public BatcherConfig batcherConfig() {
    return new BatcherConfig(maxBytes, maxBlocks, maxAge, pollInterval);
  }

  @Override
  public String toString() {
    return "BatcherProperties[enabled="
        + enabled
        + ", maxBytes="
        + maxBytes
        + ", maxBlocks="
        + maxBlocks
        + ", maxAge="
        + maxAge
        + ", pollInterval="
        + pollInterval
        + ", privateKey="
        + (privateKey == null || privateKey.isEmpty() ? "(none)" : "(set)")
        + ", l1tx="
        + l1tx
        + ", l1="
        + l1
        + "]";
  }

  /**
   * The L1 transaction manager ({@code paraseq.batcher.l1tx.*}); batcher/README.md explains each.
   *
   * @param confirmationDepth {@code PARASEQ_BATCHER_L1TX_CONFIRMATION_DEPTH}, 3
   * @param resubmitTimeout {@code PARASEQ_BATCHER_L1TX_RESUBMIT_TIMEOUT}, 60s
   * @param baseFeeMultiplierPercent {@code PARASEQ_BATCHER_L1TX_BASE_FEE_MULTIPLIER_PERCENT}, 200
   * @param priorityFee wei, {@code PARASEQ_BATCHER_L1TX_PRIORITY_FEE}, 1 gwei
   * @param maxFeeCap wei, {@code PARASEQ_BATCHER_L1TX_MAX_FEE_CAP}, 500 gwei
   * @param bumpPercent {@code PARASEQ_BATCHER_L1TX_BUMP_PERCENT}, 10
   * @param maxInFlight {@code PARASEQ_BATCHER_L1TX_MAX_IN_FLIGHT}, 8
   * @param maxBumpsPerPoll {@code PARASEQ_BATCHER_L1TX_MAX_BUMPS_PER_POLL}, 4
   */
  public record L1Tx(
      @DefaultValue("3") @Min(1) int confirmationDepth,
      @DefaultValue("60s") @NotNull Duration resubmitTimeout,
      @DefaultValue("200") @Min(100) int baseFeeMultiplierPercent,
      @DefaultValue("1000000000") @NotNull BigInteger priorityFee,
      @DefaultValue("500000000000") @NotNull BigInteger maxFeeCap,
      @DefaultValue("10") @Min(10) int bumpPercent,
      @DefaultValue("8") @Min(1) int maxInFlight,
      @DefaultValue("4") @Min(1) int maxBumpsPerPoll) {

    /** The manager's settings; it is polled by the batcher's loop at {@code pollInterval}. */
    public L1TxConfig toConfig(Duration pollInterval) {
      return new L1TxConfig(
          confirmationDepth,
          resubmitTimeout,
          pollInterval,
          baseFeeMultiplierPercent,
          Wei.of(priorityFee),
          Wei.of(maxFeeCap),
          bumpPercent,
          maxInFlight,
          maxBumpsPerPoll);
    }
  }

  /**
   * Retries and circuit breaker of L1 calls ({@code paraseq.batcher.l1.*}).
   *
   * @param retryMaxAttempts {@code PARASEQ_BATCHER_L1_RETRY_MAX_ATTEMPTS}, 3
   * @param retryInitialBackoff {@code PARASEQ_BATCHER_L1_RETRY_INITIAL_BACKOFF}, 250ms
   * @param retryMaxBackoff {@code PARASEQ_BATCHER_L1_RETRY_MAX_BACKOFF}, 5s
   * @param circuitWindowSize {@code PARASEQ_BATCHER_L1_CIRCUIT_WINDOW_SIZE}, 20
   * @param circuitMinimumCalls {@code PARASEQ_BATCHER_L1_CIRCUIT_MINIMUM_CALLS}, 10
   * @param circuitFailureRatePercent {@code PARASEQ_BATCHER_L1_CIRCUIT_FAILURE_RATE_PERCENT}, 50
   * @param circuitOpenWait {@code PARASEQ_BATCHER_L1_CIRCUIT_OPEN_WAIT}, 30s
   * @param circuitHalfOpenCalls {@code PARASEQ_BATCHER_L1_CIRCUIT_HALF_OPEN_CALLS}, 2
   */
  public record Resilience(
      @DefaultValue("3") @Min(1) int retryMaxAttempts,
      @DefaultValue("250ms") @NotNull Duration retryInitialBackoff,
      @DefaultValue("5s") @NotNull Duration retryMaxBackoff,
      @DefaultValue("20") @Min(1) int circuitWindowSize,
      @DefaultValue("10") @Min(1) int circuitMinimumCalls,
      @DefaultValue("50") @Min(1) int circuitFailureRatePercent,
      @DefaultValue("30s") @NotNull Duration circuitOpenWait,
      @DefaultValue("2") @Min(1) int circuitHalfOpenCalls) {

    /** The decorator's settings. */
    public L1ResilienceConfig toConfig() {
      return new L1ResilienceConfig(
          retryMaxAttempts,
          retryInitialBackoff,
          retryMaxBackoff,
          circuitWindowSize,
          circuitMinimumCalls,
          circuitFailureRatePercent,
          circuitOpenWait,
          circuitHalfOpenCalls);
    }
  }
}
