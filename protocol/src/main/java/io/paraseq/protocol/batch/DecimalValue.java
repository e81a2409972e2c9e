package io.paraseq.protocol.batch;

import java.math.BigInteger;

/**
 * The v1 form of an amount of wei: {@code mantissa × 10^exponent} with the exponent as large as
 * possible, so that round amounts (1.5 ETH = 15 × 10^17) take two or three bytes. Canonical form:
 * zero is {@code 0 × 10^0}; otherwise the mantissa is not a multiple of ten.
 *
 * @param mantissa the significant digits, non-negative
 * @param exponent the number of trailing decimal zeros, in [0, {@link #MAX_EXPONENT}]
 */
record DecimalValue(BigInteger mantissa, int exponent) {

  /** 10^77 is the largest power of ten below 2^256. */
  static final int MAX_EXPONENT = 77;

  private static final BigInteger[] POWERS = new BigInteger[MAX_EXPONENT + 1];

  static {
    POWERS[0] = BigInteger.ONE;
    for (int i = 1; i <= MAX_EXPONENT; i++) {
      POWERS[i] = POWERS[i - 1].multiply(BigInteger.TEN);
    }
  }

  /** The canonical form of {@code value}. */
  static DecimalValue of(BigInteger value) {
    if (value.signum() == 0) {
      return new DecimalValue(BigInteger.ZERO, 0);
    }
    if (value.bitLength() < Long.SIZE) {
      long m = value.longValue();
      int e = 0;
      while (m % 10 == 0) {
        m /= 10;
        e++;
      }
      return new DecimalValue(BigInteger.valueOf(m), e);
    }
    BigInteger m = value;
    int e = 0;
    while (true) {
      BigInteger[] qr = m.divideAndRemainder(BigInteger.TEN);
      if (qr[1].signum() != 0) {
        return new DecimalValue(m, e);
      }
      m = qr[0];
      e++;
    }
  }

  /** Whether this is the canonical form of its value. */
  boolean isCanonical() {
    if (mantissa.signum() == 0) {
      return exponent == 0;
    }
    return mantissa.mod(BigInteger.TEN).signum() != 0;
  }

  /** The amount, {@code mantissa × 10^exponent}. */
  BigInteger value() {
    return exponent == 0 ? mantissa : mantissa.multiply(POWERS[exponent]);
  }
}
