package io.paraseq.protocol.fee;

import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The L1 data fee of a user transaction (DESIGN.md §3, shown as {@code l1Fee} in receipts): what
 * the bytes it adds to a batch cost the sequencer on L1. A deterministic function of the
 * transaction's raw length, the block's L1 base fee and the chain's scalar, so a verifier that
 * re-executes a block from its batch charges exactly the same wei. The one place of the rule.
 *
 * <pre>
 * estimatedSize = max(64, rawLength × 0.669)        L1 bytes, kept in thousandths (no rounding)
 * l1Fee         = ⌊ estimatedSize × 16 × l1BaseFee × scalar / 10^6 ⌋     wei, rounded down
 * </pre>
 *
 * <ul>
 *   <li>{@code rawLength}: the transaction's raw network form (what a v0 batch carries and a v1
 *       batch rebuilds byte for byte);
 *   <li>0.669 L1 bytes per raw byte: the measured v1 + zstd-19 batches of transfers (119.0 raw
 *       bytes → 79.6 posted bytes per transaction, docs/benchmarks.md "Batch compression"); a
 *       transaction's share of a compressed batch cannot be measured on its own, so the model is a
 *       fixed line, exact for transfers and above the measured figure for calldata-heavy workloads
 *       (tokens 120.9 vs 84.1, swaps 164.2 vs 90.7);
 *   <li>the floor of 64 bytes: the signature's r and s, which no codec compresses;
 *   <li>16: the L1 calldata gas of a non-zero byte (EIP-2028);
 *   <li>{@code scalar}: parts per million ({@link #SCALAR_ONE} = charge the estimate at cost).
 * </ul>
 *
 * Stateless.
 */
public final class L1DataFee {

  /** L1 calldata gas per non-zero byte (EIP-2028). */
  public static final long CALLDATA_GAS_PER_BYTE = 16;

  /** The scalar that charges the estimate at cost: scalars are in parts per million. */
  public static final long SCALAR_ONE = 1_000_000;

  /** The largest scalar accepted (1,000×). */
  public static final long MAX_SCALAR = 1_000 * SCALAR_ONE;

  /**
   * The largest L1 base fee a block may carry, 2^63-1 wei (batches write it as a 63-bit integer).
   */
  public static final Wei MAX_L1_BASE_FEE = Wei.of(Long.MAX_VALUE);

  /** Estimated L1 bytes per raw byte, in thousandths. */
  static final long SIZE_MILLIS_PER_RAW_BYTE = 669;

  /** The floor of the estimate, in thousandths of a byte: 64 bytes. */
  static final long MIN_SIZE_MILLIS = 64_000;

  private static final BigInteger DIVISOR = BigInteger.valueOf(1_000L * SCALAR_ONE);

  private L1DataFee() {}

  /**
   * The estimated compressed size of a transaction of {@code rawLength} raw bytes, in thousandths
   * of an L1 byte.
   *
   * @throws IllegalArgumentException if {@code rawLength} is negative
   */
  public static long estimatedSizeMillis(int rawLength) {
    if (rawLength < 0) {
      throw new IllegalArgumentException("negative raw length " + rawLength);
    }
    return Math.max(MIN_SIZE_MILLIS, rawLength * SIZE_MILLIS_PER_RAW_BYTE);
  }

  /**
   * The L1 data fee of a transaction of {@code rawLength} raw bytes.
   *
   * @param rawLength the length of the transaction's raw network form
   * @param l1BaseFee the block's L1 base fee, at most {@link #MAX_L1_BASE_FEE}
   * @param scalar the chain's scalar, parts per million, in [0, {@link #MAX_SCALAR}]
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static Wei of(int rawLength, Wei l1BaseFee, long scalar) {
    requireL1BaseFee(l1BaseFee);
    requireScalar(scalar);
    if (l1BaseFee.value().signum() == 0 || scalar == 0) {
      return Wei.ZERO;
    }
    return Wei.of(
        BigInteger.valueOf(estimatedSizeMillis(rawLength))
            .multiply(BigInteger.valueOf(CALLDATA_GAS_PER_BYTE))
            .multiply(l1BaseFee.value())
            .multiply(BigInteger.valueOf(scalar))
            .divide(DIVISOR));
  }

  /**
   * The L1 data fee of {@code tx}: {@link #of(int, Wei, long)} its raw length for a user
   * transaction, zero for a deposit (its sender paid on L1).
   *
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static Wei of(VerifiedTransaction tx, Wei l1BaseFee, long scalar) {
    return switch (tx.transaction()) {
      case SignedTransaction signed -> of(tx.encoded().length(), l1BaseFee, scalar);
      case DepositTransaction deposit -> Wei.ZERO;
    };
  }

  /**
   * Checks that {@code l1BaseFee} is at most {@link #MAX_L1_BASE_FEE}.
   *
   * @throws IllegalArgumentException naming the value if it is not
   */
  public static Wei requireL1BaseFee(Wei l1BaseFee) {
    Objects.requireNonNull(l1BaseFee, "l1BaseFee");
    if (l1BaseFee.compareTo(MAX_L1_BASE_FEE) > 0) {
      throw new IllegalArgumentException(
          "L1 base fee " + l1BaseFee + " above the maximum " + MAX_L1_BASE_FEE);
    }
    return l1BaseFee;
  }

  /**
   * Checks that {@code scalar} is in [0, {@link #MAX_SCALAR}].
   *
   * @throws IllegalArgumentException naming the value if it is not
   */
  public static long requireScalar(long scalar) {
    if (scalar < 0 || scalar > MAX_SCALAR) {
      throw new IllegalArgumentException(
          "L1 fee scalar " + scalar + " not in [0, " + MAX_SCALAR + "] (parts per million)");
    }
    return scalar;
  }
}
