package io.paraseq.protocol.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Range checks against the secp256k1 group order n, on 32-byte big-endian scalars: the one place
 * this rule lives. Shared by every backend, so that all of them reject exactly the same inputs, and
 * by the transaction decoder. Stateless and thread-safe.
 */
public final class CurveOrder {

  /** n, the order of the base point. */
  static final byte[] N =
      HexFormat.of().parseHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

  /** floor(n / 2), the largest s EIP-2 accepts. */
  static final byte[] HALF_N =
      HexFormat.of().parseHex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

  /** n as an integer. */
  public static final BigInteger ORDER = new BigInteger(1, N);

  /** floor(n / 2) as an integer. */
  public static final BigInteger HALF_ORDER = new BigInteger(1, HALF_N);

  private CurveOrder() {}

  /** Returns whether a 32-byte scalar is in [1, n-1]. */
  public static boolean isValidScalar(byte[] value) {
    return !isZero(value) && Arrays.compareUnsigned(value, N) < 0;
  }

  /** Returns whether a 32-byte scalar is at most n/2 (EIP-2's low s). */
  public static boolean isLow(byte[] value) {
    return Arrays.compareUnsigned(value, HALF_N) <= 0;
  }

  private static boolean isZero(byte[] value) {
    int acc = 0;
    for (byte b : value) {
      acc |= b;
    }
    return acc == 0;
  }
}
