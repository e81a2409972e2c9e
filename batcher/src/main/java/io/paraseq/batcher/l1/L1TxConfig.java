package io.paraseq.batcher.l1;

import io.paraseq.protocol.tx.Wei;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link L1TransactionManager}; batcher/README.md lists each with its default and
 * environment variable.
 *
 * @param confirmationDepth blocks from the inclusion block to the head, counting both, before a
 *     transaction is confirmed (1: confirmed when included)
 * @param resubmitTimeout how long a sent transaction may stay unincluded before a fee bump
 * @param pollInterval the pause between two iterations of the manager's loop
 * @param baseFeeMultiplierPercent the fee cap is base fee × this / 100 + tip (at least 100)
 * @param priorityFee the tip of a first attempt
 * @param maxFeeCap no attempt's fee cap exceeds this; while base fee + tip does, sending is held
 * @param bumpPercent how much each replacement raises both caps (geth needs at least 10)
 * @param maxInFlight at most this many transactions sent and not yet included (in the L1 mempool)
 * @param maxBumpsPerPoll replacements tried in one iteration when the node calls one underpriced
 */
public record L1TxConfig(
    int confirmationDepth,
    Duration resubmitTimeout,
    Duration pollInterval,
    int baseFeeMultiplierPercent,
    Wei priorityFee,
    Wei maxFeeCap,
    int bumpPercent,
    int maxInFlight,
    int maxBumpsPerPoll) {

  /** The devnet defaults. */
  public static final L1TxConfig DEFAULTS =
      new L1TxConfig(
          3,
          Duration.ofSeconds(60),
          Duration.ofSeconds(2),
          200,
          Wei.of(1_000_000_000L),
          Wei.of(500_000_000_000L),
          10,
          8,
          4);

  /** Smallest replacement bump geth (and reth, anvil) accept. */
  public static final int MIN_BUMP_PERCENT = 10;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first bad setting and its value
   */
  public L1TxConfig {
    Objects.requireNonNull(resubmitTimeout, "resubmitTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(priorityFee, "priorityFee");
    Objects.requireNonNull(maxFeeCap, "maxFeeCap");
    require(confirmationDepth >= 1, "confirmationDepth must be at least 1", confirmationDepth);
    require(positive(resubmitTimeout), "resubmitTimeout must be positive", resubmitTimeout);
    require(positive(pollInterval), "pollInterval must be positive", pollInterval);
    require(
        baseFeeMultiplierPercent >= 100,
        "baseFeeMultiplierPercent must be at least 100",
        baseFeeMultiplierPercent);
    require(
        maxFeeCap.compareTo(priorityFee) >= 0 && maxFeeCap.value().signum() > 0,
        "maxFeeCap must be positive and at least priorityFee " + priorityFee,
        maxFeeCap);
    require(bumpPercent >= MIN_BUMP_PERCENT, "bumpPercent must be at least 10", bumpPercent);
    require(maxInFlight >= 1, "maxInFlight must be at least 1", maxInFlight);
    require(maxBumpsPerPoll >= 1, "maxBumpsPerPoll must be at least 1", maxBumpsPerPoll);
  }

  /** A copy with another confirmation depth. */
  public L1TxConfig withConfirmationDepth(int value) {
    return new L1TxConfig(
        value,
        resubmitTimeout,
        pollInterval,
        baseFeeMultiplierPercent,
        priorityFee,
        maxFeeCap,
        bumpPercent,
        maxInFlight,
        maxBumpsPerPoll);
  }

  /** A copy with another resubmit timeout. */
  public L1TxConfig withResubmitTimeout(Duration value) {
    return new L1TxConfig(
        confirmationDepth,
        value,
        pollInterval,
        baseFeeMultiplierPercent,
        priorityFee,
        maxFeeCap,
        bumpPercent,
        maxInFlight,
        maxBumpsPerPoll);
  }

  /** A copy with another fee cap. */
  public L1TxConfig withMaxFeeCap(Wei value) {
    return new L1TxConfig(
        confirmationDepth,
        resubmitTimeout,
        pollInterval,
        baseFeeMultiplierPercent,
        priorityFee,
        value,
        bumpPercent,
        maxInFlight,
        maxBumpsPerPoll);
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(message + ": " + value);
    }
  }
}
