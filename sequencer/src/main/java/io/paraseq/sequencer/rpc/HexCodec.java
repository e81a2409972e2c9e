package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Ethereum JSON-RPC hex encodings, strictly.
 *
 * <ul>
 *   <li>A <b>quantity</b> is {@code 0x} followed by the minimal hex digits of a non-negative
 *       integer: {@code 0x0} for zero, no leading zeros, never {@code 0x} alone.
 *   <li><b>Data</b> is {@code 0x} followed by an even number of hex digits, two per byte; {@code
 *       0x} is the empty byte string.
 * </ul>
 *
 * <p>Output is lower-case. Input accepts either case of digit and prefix ({@code 0X} too, as geth
 * does). Decoding never throws on bad input: it returns {@link Decoded.Invalid} with geth's reason
 * text ({@code hex string without 0x prefix}, {@code hex number with leading zero digits}, …).
 */
public final class HexCodec {

  /** Largest quantity accepted: 256 bits, as geth's {@code hexutil.Big}. */
  public static final int MAX_QUANTITY_BITS = 256;

  private HexCodec() {}

  /** The outcome of decoding: the value, or why the text is not of the form. */
  public sealed interface Decoded<T> {

    /** Applies {@code f} to a valid value; keeps the reason of an invalid one. */
    <R> Decoded<R> map(Function<? super T, ? extends R> f);

    /**
     * A well-formed input.
     *
     * @param value the decoded value
     */
    record Valid<T>(T value) implements Decoded<T> {
      public Valid {
        Objects.requireNonNull(value, "value");
      }

      @Override
      public <R> Decoded<R> map(Function<? super T, ? extends R> f) {
        return new Valid<>(f.apply(value));
      }
    }

    /**
     * A malformed input.
     *
     * @param reason geth's text for the defect
     */
    record Invalid<T>(String reason) implements Decoded<T> {
      public Invalid {
        Objects.requireNonNull(reason, "reason");
      }

      @Override
      public <R> Decoded<R> map(Function<? super T, ? extends R> f) {
        return new Invalid<>(reason);
      }
    }
  }

  /** {@code 0x}-prefixed minimal hex of a non-negative {@code value}. */
  public static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a quantity is non-negative, got " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  /** {@code 0x}-prefixed minimal hex of a non-negative {@code value}. */
  public static String quantity(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a quantity is non-negative, got " + value);
    }
    return "0x" + value.toString(16);
  }

  /** {@code 0x}-prefixed lower-case hex of {@code data}, two digits per byte. */
  public static String data(Bytes data) {
    return data.toHex();
  }

  /** Decodes a quantity of at most {@value #MAX_QUANTITY_BITS} bits. */
  public static Decoded<BigInteger> decodeQuantity(String text) {
    Optional<String> badPrefix = checkPrefix(text);
    if (badPrefix.isPresent()) {
      return new Decoded.Invalid<>(badPrefix.get());
    }
    int digits = text.length() - 2;
    if (digits == 0) {
      return new Decoded.Invalid<>("hex string \"0x\"");
    }
    for (int i = 2; i < text.length(); i++) {
      if (nibble(text.charAt(i)) < 0) {
        return new Decoded.Invalid<>("invalid hex string");
      }
    }
    if (digits > 1 && text.charAt(2) == '0') {
      return new Decoded.Invalid<>("hex number with leading zero digits");
    }
    if (digits > MAX_QUANTITY_BITS / 4) {
      return new Decoded.Invalid<>("hex number > 256 bits");
    }
    return new Decoded.Valid<>(new BigInteger(text.substring(2), 16));
  }

  /** Decodes a quantity that must fit in 63 bits (block numbers, nonces below 2^63, gas). */
  public static Decoded<Long> decodeLongQuantity(String text) {
    return switch (decodeQuantity(text)) {
      case Decoded.Valid<BigInteger>(BigInteger value) when value.bitLength() > 63 ->
          new Decoded.Invalid<>("hex number > 63 bits");
      case Decoded.Valid<BigInteger>(BigInteger value) -> new Decoded.Valid<>(value.longValue());
      case Decoded.Invalid<BigInteger>(String reason) -> new Decoded.Invalid<>(reason);
    };
  }

  /** Decodes data: an even number of hex digits after {@code 0x}. */
  public static Decoded<Bytes> decodeData(String text) {
    Optional<String> badPrefix = checkPrefix(text);
    if (badPrefix.isPresent()) {
      return new Decoded.Invalid<>(badPrefix.get());
    }
    if ((text.length() & 1) != 0) {
      return new Decoded.Invalid<>("hex string of odd length");
    }
    byte[] out = new byte[(text.length() - 2) / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = nibble(text.charAt(2 + 2 * i));
      int lo = nibble(text.charAt(3 + 2 * i));
      if (hi < 0 || lo < 0) {
        return new Decoded.Invalid<>("invalid hex string");
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return new Decoded.Valid<>(Bytes.of(out));
  }

  /**
   * Decodes a 32-byte hash; a wrong length gets geth's text ({@code … want 64 for common.Hash}).
   */
  public static Decoded<Hash> decodeHash(String text) {
    return fixedLength(text, Hash.LENGTH, "common.Hash").map(Hash::of);
  }

  /** Decodes a 20-byte address (any case, no checksum check, as geth); geth's length text. */
  public static Decoded<Address> decodeAddress(String text) {
    return fixedLength(text, Address.LENGTH, "common.Address").map(Address::of);
  }

  private static Decoded<Bytes> fixedLength(String text, int length, String goType) {
    return switch (decodeData(text)) {
      case Decoded.Valid<Bytes>(Bytes bytes) when bytes.length() != length ->
          new Decoded.Invalid<>(
              "hex string has length "
                  + (text.length() - 2)
                  + ", want "
                  + 2 * length
                  + " for "
                  + goType);
      case Decoded<Bytes> other -> other;
    };
  }

  /** geth's reason when {@code text} lacks the {@code 0x} prefix. */
  private static Optional<String> checkPrefix(String text) {
    if (text.isEmpty()) {
      return Optional.of("empty hex string");
    }
    if (text.length() < 2 || text.charAt(0) != '0' || (text.charAt(1) | 0x20) != 'x') {
      return Optional.of("hex string without 0x prefix");
    }
    return Optional.empty();
  }

  private static int nibble(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
