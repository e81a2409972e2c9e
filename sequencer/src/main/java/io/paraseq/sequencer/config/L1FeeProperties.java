package io.paraseq.sequencer.config;

import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.tx.Wei;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The L1 data fee (DESIGN.md §3, {@code protocol.fee.L1DataFee}): where each block's L1 base fee
 * comes from, and the chain's scalar.
 *
 * @param enabled whether the node watches the L1 head's {@code baseFeePerGas} ({@code
 *     PARASEQ_L1_FEE_ENABLED}, default false; the devnet profile turns it on). Off, every block
 *     uses {@code initialBaseFee}
 * @param pollInterval how often the L1 head is read ({@code PARASEQ_L1_FEE_POLL_INTERVAL}, 2s)
 * @param scalar the L1 data fee scalar in parts per million, a chain parameter a verifier must
 *     share ({@code PARASEQ_L1_FEE_SCALAR}, 1000000 = the estimate at cost; at most 10^9)
 * @param initialBaseFee the L1 base fee in wei until the first observation, and always when not
 *     enabled ({@code PARASEQ_L1_FEE_INITIAL_BASE_FEE}, 0 = no L1 data fee)
 * @param maxBaseFee the highest L1 base fee in wei a block uses: an observation above it is clamped
 *     ({@code PARASEQ_L1_FEE_MAX_BASE_FEE}, 10^15 = 1,000,000 gwei; at most 2^63-1, what batches
 *     carry)
 */
@ConfigurationProperties("paraseq.l1-fee")
@Validated
public record L1FeeProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("2s") @NotNull Duration pollInterval,
    @DefaultValue("1000000") @Min(0) @Max(1_000_000_000L) long scalar,
    @DefaultValue("0") @NotNull BigInteger initialBaseFee,
    @DefaultValue("1000000000000000") @NotNull BigInteger maxBaseFee) {

  /** Checks what annotations cannot: a positive interval and 0 ≤ initial ≤ max ≤ 2^63-1. */
  public L1FeeProperties {
    if (pollInterval != null && (pollInterval.isNegative() || pollInterval.isZero())) {
      throw new IllegalArgumentException(
          "paraseq.l1-fee.poll-interval must be positive, got " + pollInterval);
    }
    if (maxBaseFee != null
        && (maxBaseFee.signum() < 0
            || maxBaseFee.compareTo(L1DataFee.MAX_L1_BASE_FEE.value()) > 0)) {
      throw new IllegalArgumentException(
          "paraseq.l1-fee.max-base-fee must be in [0, 2^63-1], got " + maxBaseFee);
    }
    if (initialBaseFee != null
        && maxBaseFee != null
        && (initialBaseFee.signum() < 0 || initialBaseFee.compareTo(maxBaseFee) > 0)) {
      throw new IllegalArgumentException(
          "paraseq.l1-fee.initial-base-fee must be in [0, max-base-fee "
              + maxBaseFee
              + "], got "
              + initialBaseFee);
    }
  }

  /** {@link #initialBaseFee} as wei. */
  public Wei initial() {
    return Wei.of(initialBaseFee);
  }

  /** {@link #maxBaseFee} as wei. */
  public Wei max() {
    return Wei.of(maxBaseFee);
  }
}
