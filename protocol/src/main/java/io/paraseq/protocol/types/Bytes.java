package io.paraseq.protocol.types;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sequence of bytes.
 *
 * <p>Every factory copies its input and every accessor that returns an array returns a copy, so no
 * caller can change a {@code Bytes} after it is made. Ordering is unsigned lexicographic; {@link
 * #toString()} is {@code 0x}-prefixed lower-case hex.
 */
public final class Bytes implements Comparable<Bytes> {

  /** The empty sequence. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  /**
   * {@link #hashCode()} once computed, 0 before (the racy single-check idiom of {@code String}:
   * threads that race compute the same value; a sequence whose hash is 0 just computes it again).
   */
  private int hash;

  private Bytes(byte[] owned) {
    this.bytes = owned;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(byte... bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** A copy of {@code source[offset .. offset+length)}. */
  public static Bytes of(byte[] source, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, source.length);
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(source, offset, offset + length));
  }

  /**
   * Parses {@code 0x}-prefixed hex text (digits of either case, even count).
   *
   * @throws IllegalArgumentException naming the offending character and its index
   */
  public static Bytes fromHex(String hex) {
    byte[] decoded = Hex.decode(hex);
    return decoded.length == 0 ? EMPTY : new Bytes(decoded);
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** True when {@link #length()} is zero. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The byte at {@code index}. */
  public byte get(int index) {
    return bytes[Objects.checkIndex(index, bytes.length)];
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** The backing array, for this package's hashing only; never modified nor handed out. */
  byte[] backingArray() {
    return bytes;
  }

  /** Copies all bytes into {@code destination} starting at {@code offset}. */
  public void copyTo(byte[] destination, int offset) {
    System.arraycopy(bytes, 0, destination, offset, bytes.length);
  }

  /** The bytes {@code [offset .. offset+length)}. */
  public Bytes slice(int offset, int length) {
    return of(bytes, offset, length);
  }

  /** This sequence followed by {@code other}. */
  public Bytes concat(Bytes other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    byte[] joined = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
    System.arraycopy(other.bytes, 0, joined, bytes.length, other.bytes.length);
    return new Bytes(joined);
  }

  /** {@code 0x}-prefixed lower-case hex. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return toHex();
  }
}
