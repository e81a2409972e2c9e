package io.paraseq.protocol.types;

import io.paraseq.protocol.crypto.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A 20-byte account address. Immutable.
 *
 * <p>{@link #toString()} gives the EIP-55 mixed-case checksum form. {@link #fromHex(String)}
 * accepts all-lower-case, all-upper-case or correctly checksummed text and rejects mixed case whose
 * checksum is wrong.
 */
public final class Address implements Comparable<Address> {

  /** Length of an address in bytes. */
  public static final int LENGTH = 20;

  /** The all-zero address. */
  public static final Address ZERO = new Address(Bytes.of(new byte[LENGTH]));

  private final Bytes bytes;

  /** {@link #digest()} once computed (racy single-check: a race computes the same hash twice). */
  private Hash digest;

  private Address(Bytes bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps exactly 20 bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 20 bytes long
   */
  public static Address of(Bytes bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length() != LENGTH) {
      throw new IllegalArgumentException(
          "an address is " + LENGTH + " bytes, got " + bytes.length() + ": " + bytes);
    }
    return new Address(bytes);
  }

  /**
   * Parses {@code 0x} followed by 40 hex digits.
   *
   * @throws IllegalArgumentException on malformed hex, a wrong length, or a mixed-case text whose
   *     EIP-55 checksum does not match
   */
  public static Address fromHex(String hex) {
    Address address = of(Bytes.fromHex(hex));
    String digits = hex.substring(2);
    boolean mixedCase =
        !digits.equals(digits.toLowerCase(Locale.ROOT))
            && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixedCase && !address.toString().substring(2).equals(digits)) {
      throw new IllegalArgumentException("bad EIP-55 checksum: " + hex + ", expected " + address);
    }
    return address;
  }

  /**
   * keccak256 of this address's bytes (the secure-trie path of the location, a logs-bloom item),
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

  /** The 20 bytes. */
  public Bytes bytes() {
    return bytes;
  }

  /** {@code 0x} followed by 40 lower-case hex digits. */
  public String toLowerHex() {
    return bytes.toHex();
  }

  @Override
  public int compareTo(Address other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && bytes.equals(other.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  /** The EIP-55 checksummed form: {@code 0x} and 40 hex digits in mixed case. */
  @Override
  public String toString() {
    String lower = bytes.toHex().substring(2);
    byte[] hash = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(2 + 2 * LENGTH).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }
}
