package io.paraseq.protocol.batch;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A growable byte buffer with the integer forms of the v1 layout: unsigned LEB128 varints of up to
 * 64 bits ({@code long} read as unsigned) and of up to 256 bits ({@link BigInteger}). Not
 * thread-safe.
 */
final class ByteSink {

  private byte[] buffer;
  private int size;

  ByteSink(int initialCapacity) {
    buffer = new byte[Math.max(initialCapacity, 16)];
  }

  /** One byte, the low eight bits of {@code value}. */
  void u8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  /** {@code bytes} as they are. */
  void bytes(byte[] bytes) {
    bytes(bytes, 0, bytes.length);
  }

  /** {@code source[offset .. offset+length)} as they are. */
  void bytes(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, buffer, size, length);
    size += length;
  }

  /** {@code value}, unsigned, as a minimal LEB128 varint (1–10 bytes). */
  void varLong(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7fL) != 0) {
      buffer[size++] = (byte) ((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    buffer[size++] = (byte) rest;
  }

  /** A non-negative {@code value} as a minimal LEB128 varint. */
  void varBig(BigInteger value) {
    if (value.bitLength() < Long.SIZE) {
      varLong(value.longValueExact());
      return;
    }
    BigInteger rest = value;
    BigInteger mask = BigInteger.valueOf(0x7f);
    while (rest.bitLength() > 7) {
      u8(rest.and(mask).intValue() | 0x80);
      rest = rest.shiftRight(7);
    }
    u8(rest.intValue());
  }

  /** Appends everything written to {@code other}. */
  void append(ByteSink other) {
    bytes(other.buffer, 0, other.size);
  }

  /** Bytes written so far. */
  int size() {
    return size;
  }

  /** A copy of the bytes written. */
  byte[] toArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
