package io.paraseq.protocol.rlp;

import java.math.BigInteger;
import java.util.Arrays;

/** The canonical-integer rule, both ways: minimal big-endian bytes, no leading zero. */
final class RlpIntegers {

  /** Widest integer {@link #toLong} accepts: a non-negative {@code long}. */
  static final int LONG_BITS = 63;

  private RlpIntegers() {}

  /** Throws unless {@code payload} is a canonical integer of at most {@code maxBits} bits. */
  static void checkCanonical(byte[] payload, int offset, int length, int maxBits, int itemOffset) {
    if (length == 0) {
      return;
    }
    int first = payload[offset] & 0xff;
    if (first == 0) {
      throw new RlpException(RlpError.LEADING_ZERO_IN_INTEGER, itemOffset, "");
    }
    long bits = (length - 1) * 8L + (32 - Integer.numberOfLeadingZeros(first));
    if (bits > maxBits) {
      throw new RlpException(
          RlpError.INTEGER_TOO_LARGE, itemOffset, bits + " bits, at most " + maxBits + " allowed");
    }
  }

  /** A canonical integer of at most 63 bits as a {@code long}. */
  static long toLong(byte[] payload, int offset, int length, int itemOffset) {
    checkCanonical(payload, offset, length, LONG_BITS, itemOffset);
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = (value << 8) | (payload[offset + i] & 0xff);
    }
    return value;
  }

  /** Number of bytes in the minimal big-endian form of a non-negative {@code value}. */
  static int byteLength(long value) {
    return (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
  }

  /** Minimal big-endian bytes of a non-negative integer; zero gives no bytes. */
  static byte[] minimalBytes(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
    }
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] twosComplement = value.toByteArray();
    return twosComplement[0] == 0
        ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
        : twosComplement;
  }
}
