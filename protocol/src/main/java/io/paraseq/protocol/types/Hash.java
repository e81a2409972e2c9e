package io.paraseq.protocol.types;

import io.paraseq.protocol.crypto.Keccak256;
import java.util.Objects;

/** A 32-byte hash, such as a transaction, block or state-root hash. Immutable. */
public final class Hash implements Comparable<Hash> {

  /** Length of a hash in bytes. */
  public static final int LENGTH = 32;

  /** The all-zero hash. */
  public static final Hash ZERO = new Hash(Bytes.of(new byte[LENGTH]));

  private final Bytes bytes;

  /** {@link #digest()} once computed (racy single-check: a race computes the same hash twice). */
  private Hash digest;

  private Hash(Bytes bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps exactly 32 bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static Hash of(Bytes bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length() != LENGTH) {
      throw new IllegalArgumentException(
          "a hash is " + LENGTH + " bytes, got " + bytes.length() + ": " + bytes);
    }
    return new Hash(bytes);
  }

  /** Parses {@code 0x} followed by exactly 64 hex digits. */
  public static Hash fromHex(String hex) {
    return of(Bytes.fromHex(hex));
  }

  /** keccak256 of {@code data}. */
  public static Hash keccak(Bytes data) {
    return new Hash(Bytes.of(Keccak256.hash(data.backingArray())));
  }

  /** keccak256 of {@code data[offset .. offset+length)}; reads the array without keeping it. */
  public static Hash keccak(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    return new Hash(Bytes.of(Keccak256.hash(data, offset, length)));
  }

  /**
   * keccak256 of this hash's bytes (the secure-trie path of the location, a logs-bloom item),
   * computed on first use and kept.
   */
  public Hash digest() {
    Hash d = digest;
    if (d == null) {
      d = Hash.keccak(bytes);
      digest = d;
    }
    return d;
  }

  /** The 32 bytes. */
  public Bytes bytes() {
    return bytes;
  }

  @Override
  public int compareTo(Hash other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash other && bytes.equals(other.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  /** {@code 0x} followed by 64 lower-case hex digits. */
  @Override
  public String toString() {
    return bytes.toHex();
  }
}
