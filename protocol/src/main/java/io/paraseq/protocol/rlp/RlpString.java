package io.paraseq.protocol.rlp;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An RLP byte string.
 *
 * @param bytes the payload (not the encoding)
 */
public record RlpString(Bytes bytes) implements RlpItem {

  /** The empty string, which is also the encoding of the integer zero. */
  public static final RlpString EMPTY = new RlpString(Bytes.EMPTY);

  /** Requires non-null bytes. */
  public RlpString {
    Objects.requireNonNull(bytes, "bytes");
  }

  /** The string holding {@code bytes}. */
  public static RlpString of(Bytes bytes) {
    return new RlpString(bytes);
  }

  /** The minimal big-endian form of a non-negative integer (zero is the empty string). */
  public static RlpString ofInteger(BigInteger value) {
    return new RlpString(Bytes.of(RlpIntegers.minimalBytes(value)));
  }

  /** The minimal big-endian form of a non-negative integer (zero is the empty string). */
  public static RlpString ofInteger(long value) {
    return ofInteger(BigInteger.valueOf(value));
  }

  /**
   * Reads this string as a canonical unsigned integer of at most {@code maxBits} bits.
   *
   * @throws RlpException {@link RlpError#LEADING_ZERO_IN_INTEGER} or {@link
   *     RlpError#INTEGER_TOO_LARGE}
   */
  public BigInteger asInteger(int maxBits) {
    byte[] payload = bytes.toArray();
    RlpIntegers.checkCanonical(payload, 0, payload.length, maxBits, 0);
    return new BigInteger(1, payload);
  }

  /** Reads this string as a canonical unsigned integer that fits a non-negative long. */
  public long asLong() {
    byte[] payload = bytes.toArray();
    return RlpIntegers.toLong(payload, 0, payload.length, 0);
  }
}
