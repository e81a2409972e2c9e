package io.paraseq.sequencer.rest;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.rpc.HexCodec;
import java.util.Optional;

/**
 * Decodes path and query parameters strictly, with the texts the JSON-RPC side uses for the same
 * mistakes ({@code hex string without 0x prefix}, {@code hex string has length 38, want 40 for
 * common.Address}). A malformed parameter is a 400 {@link ProblemType#INVALID_PARAMETER} whose
 * detail starts with the parameter's name and whose {@code parameter} member names it.
 */
final class RequestParams {

  /** The tag that names the head block. */
  static final String LATEST = "latest";

  private RequestParams() {}

  /** A 32-byte hash, {@code 0x} and 64 hex digits in either case. */
  static Parsed<Hash> hash(String name, String text) {
    return parsed(name, HexCodec.decodeHash(text));
  }

  /** A 20-byte address, {@code 0x} and 40 hex digits in either case (no checksum check). */
  static Parsed<Address> address(String name, String text) {
    return parsed(name, HexCodec.decodeAddress(text));
  }

  /**
   * A block: {@code latest}, a decimal number without leading zeros, or a {@code 0x} quantity; at
   * most 2^63-1.
   */
  static Parsed<BlockRef> block(String name, String text) {
    if (LATEST.equals(text)) {
      return new Parsed.Ok<>(new BlockRef.Latest());
    }
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return parsed(name, HexCodec.decodeLongQuantity(text).map(BlockRef.Number::new));
    }
    return parsed(name, decimal(text).map(BlockRef.Number::new));
  }

  /**
   * A boolean query flag: absent means {@code false}; otherwise exactly {@code true} or {@code
   * false}.
   */
  static Parsed<Boolean> flag(String name, Optional<String> text) {
    if (text.isEmpty() || text.get().equals("false")) {
      return new Parsed.Ok<>(false);
    }
    if (text.get().equals("true")) {
      return new Parsed.Ok<>(true);
    }
    return new Parsed.Refused<>(
        invalid(name, "want true or false, got \"" + Problems.echoed(text.get()) + "\""));
  }

  private static HexCodec.Decoded<Long> decimal(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new HexCodec.Decoded.Invalid<>(
          "want latest, a decimal number or a 0x-prefixed hex number, got \""
              + Problems.echoed(text)
              + "\"");
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      return new HexCodec.Decoded.Invalid<>("decimal number with leading zero digits");
    }
    try {
      return new HexCodec.Decoded.Valid<>(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return new HexCodec.Decoded.Invalid<>("decimal number > 63 bits");
    }
  }

  private static <T> Parsed<T> parsed(String name, HexCodec.Decoded<T> decoded) {
    return switch (decoded) {
      case HexCodec.Decoded.Valid<T>(T value) -> new Parsed.Ok<>(value);
      case HexCodec.Decoded.Invalid<T>(String reason) ->
          new Parsed.Refused<>(invalid(name, reason));
    };
  }

  /** The problem for a malformed parameter {@code name}. */
  static Problem invalid(String name, String reason) {
    return ProblemType.INVALID_PARAMETER.with(name + ": " + reason).with("parameter", name);
  }
}
