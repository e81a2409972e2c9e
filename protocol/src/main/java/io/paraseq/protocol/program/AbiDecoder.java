package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a tuple encoded with the Solidity ABI, as strictly as solc's decoder (ABI coder v2)
 * checks call data: the data must hold every head word (extra bytes after them are ignored, as solc
 * ignores them); an {@code address}, {@code uintN} or {@code bool} with any bit set above its width
 * is refused; a {@code string}'s offset and length must lie inside the data. Every refusal is an
 * {@link AbiException}. Immutable.
 */
public final class AbiDecoder {

  /** Offsets and lengths above 2^64-1 are refused outright, as solc does. */
  private static final int MAX_POINTER_BITS = 64;

  private final byte[] data;
  private final int start;
  private final int headWords;

  private AbiDecoder(byte[] data, int start, int headWords) {
    this.data = data;
    this.start = start;
    this.headWords = headWords;
  }

  /**
   * A decoder for the arguments of call data: the tuple after the four selector bytes.
   *
   * @param callData selector and arguments
   * @param headWords the number of head words the function's parameters take
   * @throws AbiException if the call data is shorter than the selector and {@code headWords} words
   */
  public static AbiDecoder arguments(Bytes callData, int headWords) {
    return at(callData, Abi.SELECTOR_LENGTH, headWords);
  }

  /**
   * A decoder for a tuple that starts at byte 0 (return data).
   *
   * @param encoded the tuple
   * @param headWords the number of head words of the tuple
   * @throws AbiException if {@code encoded} is shorter than {@code headWords} words
   */
  public static AbiDecoder of(Bytes encoded, int headWords) {
    return at(encoded, 0, headWords);
  }

  private static AbiDecoder at(Bytes bytes, int start, int headWords) {
    long needed = start + (long) headWords * Abi.WORD;
    if (bytes.length() < needed) {
      throw new AbiException(
          "data of " + bytes.length() + " bytes is shorter than the " + needed + " the heads need");
    }
    return new AbiDecoder(bytes.toArray(), start, headWords);
  }

  /**
   * The {@code address} in head {@code index}.
   *
   * @throws AbiException if any of its 12 high bytes is non-zero
   */
  public Address address(int index) {
    int at = head(index);
    requireZero(at, Abi.WORD - Address.LENGTH, index, "address");
    return Address.of(Bytes.of(data, at + Abi.WORD - Address.LENGTH, Address.LENGTH));
  }

  /** The {@code uint256} in head {@code index}. */
  public BigInteger uint256(int index) {
    return uint(index, 256);
  }

  /**
   * The {@code uint<bits>} in head {@code index}.
   *
   * @throws AbiException if a bit above {@code bits} is set
   */
  public BigInteger uint(int index, int bits) {
    BigInteger value = new BigInteger(1, word(head(index)));
    if (value.bitLength() > bits) {
      throw new AbiException(
          "uint" + bits + " at head " + index + " has dirty high bits: " + value);
    }
    return value;
  }

  /**
   * The {@code bool} in head {@code index}.
   *
   * @throws AbiException unless the word is 0 or 1
   */
  public boolean bool(int index) {
    int at = head(index);
    requireZero(at, Abi.WORD - 1, index, "bool");
    int last = data[at + Abi.WORD - 1];
    if (last > 1 || last < 0) {
      throw new AbiException("bool at head " + index + " is " + (last & 0xff));
    }
    return last == 1;
  }

  /**
   * The {@code string} whose offset is in head {@code index}, decoded as UTF-8 (malformed sequences
   * become U+FFFD, as the ABI does not require valid UTF-8).
   *
   * @throws AbiException if the offset or the length points outside the data
   */
  public String string(int index) {
    long offset = pointer(head(index), index, "offset");
    long lengthAt = start + offset;
    if (lengthAt + Abi.WORD > data.length) {
      throw new AbiException(
          "string at head " + index + ": offset " + offset + " is out of bounds");
    }
    long length = pointer((int) lengthAt, index, "length");
    if (lengthAt + Abi.WORD + length > data.length) {
      throw new AbiException(
          "string at head " + index + ": length " + length + " is out of bounds");
    }
    return new String(data, (int) lengthAt + Abi.WORD, (int) length, StandardCharsets.UTF_8);
  }

  private long pointer(int at, int index, String what) {
    BigInteger value = new BigInteger(1, word(at));
    if (value.bitLength() > MAX_POINTER_BITS
        || value.compareTo(BigInteger.valueOf(data.length)) > 0) {
      throw new AbiException(
          "string at head " + index + ": " + what + " " + value + " is too large");
    }
    return value.longValueExact();
  }

  private int head(int index) {
    if (index < 0 || index >= headWords) {
      throw new IllegalArgumentException("head " + index + " of a tuple of " + headWords);
    }
    return start + index * Abi.WORD;
  }

  private byte[] word(int at) {
    byte[] out = new byte[Abi.WORD];
    System.arraycopy(data, at, out, 0, Abi.WORD);
    return out;
  }

  private void requireZero(int at, int count, int index, String type) {
    for (int i = 0; i < count; i++) {
      if (data[at + i] != 0) {
        throw new AbiException(type + " at head " + index + " has dirty high bits");
      }
    }
  }
}
