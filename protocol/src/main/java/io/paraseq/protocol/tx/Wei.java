package io.paraseq.protocol.tx;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An amount of wei: an unsigned 256-bit integer, as every amount and fee field of a transaction.
 *
 * @param value the amount, in [0, 2^256-1]
 */
public record Wei(BigInteger value) implements Comparable<Wei> {

  /** Bit width of an amount. */
  public static final int BITS = 256;

  /** The largest amount, 2^256-1. */
  public static final Wei MAX = new Wei(BigInteger.ONE.shiftLeft(BITS).subtract(BigInteger.ONE));

  /** Zero wei. */
  public static final Wei ZERO = new Wei(BigInteger.ZERO);

  /**
   * Checks the range.
   *
   * @throws IllegalArgumentException if {@code value} is negative or wider than 256 bits
   */
  public Wei {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.bitLength() > BITS) {
      throw new IllegalArgumentException("wei must be in [0, 2^256-1], got " + value);
    }
  }

  /** An amount given as a non-negative long. */
  public static Wei of(long value) {
    return new Wei(BigInteger.valueOf(value));
  }

  /** An amount given as a BigInteger in [0, 2^256-1]. */
  public static Wei of(BigInteger value) {
    return new Wei(value);
  }

  @Override
  public int compareTo(Wei other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value + " wei";
  }
}
