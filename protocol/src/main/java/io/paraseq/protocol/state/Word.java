package io.paraseq.protocol.state;

import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A 32-byte storage value, the EVM's word. Zero means absent: writing {@link #ZERO} to a slot
 * deletes it. Immutable.
 *
 * @param bytes the 32 bytes, big-endian
 */
public record Word(Bytes bytes) implements Comparable<Word> {

  /** Length of a word in bytes. */
  public static final int LENGTH = 32;

  /** The zero word: an absent slot. */
  public static final Word ZERO = new Word(Bytes.of(new byte[LENGTH]));

  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(8 * LENGTH);

  /**
   * Checks the length.
   *
   * @throws IllegalArgumentException unless {@code bytes} is 32 bytes long
   */
  public Word {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length() != LENGTH) {
      throw new IllegalArgumentException("a word is 32 bytes, got " + bytes.length());
    }
  }

  /** The word holding the unsigned integer {@code value}, in [0, 2^256-1]. */
  public static Word of(BigInteger value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
      throw new IllegalArgumentException("a word holds [0, 2^256-1], got " + value);
    }
    byte[] out = new byte[LENGTH];
    byte[] magnitude = value.toByteArray();
    int skip = magnitude.length > LENGTH ? magnitude.length - LENGTH : 0;
    System.arraycopy(
        magnitude, skip, out, LENGTH - (magnitude.length - skip), magnitude.length - skip);
    return new Word(Bytes.of(out));
  }

  /** The word holding the non-negative {@code value}. */
  public static Word of(long value) {
    return of(BigInteger.valueOf(value));
  }

  /** Parses {@code 0x} followed by exactly 64 hex digits. */
  public static Word fromHex(String hex) {
    return new Word(Bytes.fromHex(hex));
  }

  /** True for the zero word. */
  public boolean isZero() {
    return equals(ZERO);
  }

  /** The word as an unsigned integer. */
  public BigInteger toBigInteger() {
    return new BigInteger(1, bytes.toArray());
  }

  /** The storage trie's value for this word: RLP of the big-endian bytes without leading zeros. */
  Bytes trieValue() {
    return new RlpWriter().writeBigInteger(toBigInteger()).toBytes();
  }

  @Override
  public int compareTo(Word other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public String toString() {
    return bytes.toHex();
  }
}
