package io.paraseq.protocol.batch;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Reads the v1 layout strictly from a byte array: every read past the end is {@link
 * BatchDecodeError#MALFORMED_PAYLOAD}, a non-minimal varint {@link BatchDecodeError#NON_CANONICAL},
 * a too-wide one {@link BatchDecodeError#OUT_OF_RANGE}. Not thread-safe.
 */
final class ByteSource {

  private static final int MAX_LONG_VARINT = 10;

  private final byte[] data;
  private int position;

  ByteSource(byte[] data) {
    this.data = data;
  }

  /** One unsigned byte. */
  int u8(String field) {
    require(1, field);
    return data[position++] & 0xff;
  }

  /** The next {@code length} bytes, copied. */
  byte[] bytes(int length, String field) {
    require(length, field);
    byte[] out = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return out;
  }

  /** An unsigned 64-bit varint, returned as a long with unsigned semantics. */
  long varLong(String field) {
    long value = 0;
    for (int i = 0; i < MAX_LONG_VARINT; i++) {
      int b = u8(field);
      int group = b & 0x7f;
      if (i == MAX_LONG_VARINT - 1 && b > 1) {
        throw reject(BatchDecodeError.OUT_OF_RANGE, field + " wider than 64 bits");
      }
      value |= (long) group << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw reject(BatchDecodeError.NON_CANONICAL, field + " varint has a trailing zero group");
        }
        return value;
      }
    }
    throw reject(BatchDecodeError.OUT_OF_RANGE, field + " wider than 64 bits");
  }

  /** A varint in [0, 2^63-1]. */
  long varNonNegative(String field) {
    long value = varLong(field);
    if (value < 0) {
      throw reject(BatchDecodeError.OUT_OF_RANGE, field + " above 2^63-1");
    }
    return value;
  }

  /** A varint in [0, {@code max}]. */
  int varInt(String field, int max) {
    long value = varLong(field);
    if (value < 0 || value > max) {
      throw reject(
          BatchDecodeError.OUT_OF_RANGE,
          field + " is " + Long.toUnsignedString(value) + ", at most " + max);
    }
    return (int) value;
  }

  /** A count of items that take at least {@code minItemBytes} each in what is left. */
  int count(String field, int minItemBytes) {
    return varInt(field, remaining() / Math.max(minItemBytes, 1));
  }

  /** A varint of at most {@code maxBits} bits. */
  BigInteger varBig(String field, int maxBits) {
    int start = position;
    int groups = 0;
    int b;
    do {
      b = u8(field);
      groups++;
      if (groups > maxBits / 7 + 1) {
        throw reject(BatchDecodeError.OUT_OF_RANGE, field + " wider than " + maxBits + " bits");
      }
    } while ((b & 0x80) != 0);
    if (b == 0 && groups > 1) {
      throw reject(BatchDecodeError.NON_CANONICAL, field + " varint has a trailing zero group");
    }
    if (groups < 10) {
      long value = 0;
      for (int i = 0; i < groups; i++) {
        value |= (long) (data[start + i] & 0x7f) << (7 * i);
      }
      return BigInteger.valueOf(value);
    }
    BigInteger value = BigInteger.ZERO;
    for (int i = groups - 1; i >= 0; i--) {
      value = value.shiftLeft(7).or(BigInteger.valueOf(data[start + i] & 0x7f));
    }
    if (value.bitLength() > maxBits) {
      throw reject(BatchDecodeError.OUT_OF_RANGE, field + " wider than " + maxBits + " bits");
    }
    return value;
  }

  /** Bytes not yet read. */
  int remaining() {
    return data.length - position;
  }

  /** The read position. */
  int position() {
    return position;
  }

  /** Checks that everything was read. */
  void finish() {
    if (position != data.length) {
      throw reject(
          BatchDecodeError.TRAILING_BYTES, (data.length - position) + " bytes after the payload");
    }
  }

  static RejectedBatchException reject(BatchDecodeError reason, String detail) {
    return new RejectedBatchException(reason, detail);
  }

  private void require(int length, String field) {
    if (length < 0 || length > data.length - position) {
      throw reject(
          BatchDecodeError.MALFORMED_PAYLOAD,
          field + ": needs " + length + " bytes at " + position + ", " + remaining() + " left");
    }
  }
}
