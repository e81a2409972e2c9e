package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a tuple of values with the Solidity ABI, as {@code abi.encode} does: one 32-byte head per
 * value; a static value in its head (addresses and unsigned integers left-padded with zeros, {@code
 * bool} as 0 or 1); a dynamic {@code string} as an offset in its head and, after all heads, its
 * length and its UTF-8 bytes right-padded to a multiple of 32. Not thread-safe; one builder per
 * encoding.
 */
public final class AbiEncoder {

  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  /** Each value's head, or {@code null} for a dynamic value whose head is its tail's offset. */
  private final List<byte[]> heads = new ArrayList<>();

  /** Each dynamic value's tail; {@code null} for static values. */
  private final List<byte[]> tails = new ArrayList<>();

  /** Appends an {@code address}. */
  public AbiEncoder address(Address address) {
    byte[] word = new byte[Abi.WORD];
    address.bytes().copyTo(word, Abi.WORD - Address.LENGTH);
    return staticWord(word);
  }

  /**
   * Appends a {@code uint256}.
   *
   * @throws IllegalArgumentException unless {@code value} is in [0, 2^256-1]
   */
  public AbiEncoder uint256(BigInteger value) {
    return uint(value, 256);
  }

  /** Appends a {@code uint256} holding the non-negative {@code value}. */
  public AbiEncoder uint256(long value) {
    return uint256(BigInteger.valueOf(value));
  }

  /**
   * Appends a {@code uint<bits>}.
   *
   * @throws IllegalArgumentException unless {@code bits} is a multiple of 8 in [8, 256] and {@code
   *     value} is in [0, 2^bits-1]
   */
  public AbiEncoder uint(BigInteger value, int bits) {
    Objects.requireNonNull(value, "value");
    if (bits < 8 || bits > 256 || bits % 8 != 0) {
      throw new IllegalArgumentException("no uint" + bits + " in the ABI");
    }
    if (value.signum() < 0 || value.bitLength() > bits) {
      throw new IllegalArgumentException(
          "uint" + bits + " holds [0, 2^" + bits + "-1], got " + value);
    }
    return staticWord(word(value));
  }

  /** Appends a {@code bool}. */
  public AbiEncoder bool(boolean value) {
    return staticWord(word(value ? BigInteger.ONE : BigInteger.ZERO));
  }

  /** Appends a {@code string}, encoded as UTF-8. */
  public AbiEncoder string(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    int padded = (utf8.length + Abi.WORD - 1) / Abi.WORD * Abi.WORD;
    byte[] tail = new byte[Abi.WORD + padded];
    System.arraycopy(word(BigInteger.valueOf(utf8.length)), 0, tail, 0, Abi.WORD);
    System.arraycopy(utf8, 0, tail, Abi.WORD, utf8.length);
    heads.add(null);
    tails.add(tail);
    return this;
  }

  /** The encoded tuple. */
  public Bytes encode() {
    return Bytes.of(encodeToArray(new byte[0]));
  }

  /** The four bytes of {@code selector} followed by the encoded tuple: call data. */
  public Bytes encodeWithSelector(int selector) {
    return Bytes.of(encodeToArray(Abi.selectorBytes(selector).toArray()));
  }

  private byte[] encodeToArray(byte[] prefix) {
    int headSize = heads.size() * Abi.WORD;
    int size = headSize;
    for (byte[] tail : tails) {
      size += tail == null ? 0 : tail.length;
    }
    byte[] out = new byte[prefix.length + size];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    int tailOffset = headSize;
    for (int i = 0; i < heads.size(); i++) {
      int headAt = prefix.length + i * Abi.WORD;
      byte[] tail = tails.get(i);
      if (tail == null) {
        System.arraycopy(heads.get(i), 0, out, headAt, Abi.WORD);
      } else {
        System.arraycopy(word(BigInteger.valueOf(tailOffset)), 0, out, headAt, Abi.WORD);
        System.arraycopy(tail, 0, out, prefix.length + tailOffset, tail.length);
        tailOffset += tail.length;
      }
    }
    return out;
  }

  private AbiEncoder staticWord(byte[] word) {
    heads.add(word);
    tails.add(null);
    return this;
  }

  /** {@code value}, in [0, 2^256-1], as a big-endian 32-byte word. */
  static byte[] word(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
      throw new IllegalArgumentException("a word holds [0, 2^256-1], got " + value);
    }
    byte[] out = new byte[Abi.WORD];
    byte[] magnitude = value.toByteArray();
    int skip = magnitude.length > Abi.WORD ? magnitude.length - Abi.WORD : 0;
    int length = magnitude.length - skip;
    System.arraycopy(magnitude, skip, out, Abi.WORD - length, length);
    return out;
  }
}
