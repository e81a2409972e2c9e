package io.paraseq.sequencer.chain;

import io.paraseq.protocol.types.Address;
import java.math.BigInteger;

/**
 * The text formats of genesis settings, in one place for accounts ({@link AllocEntry}) and native
 * programs ({@link GenesisPrograms}): addresses as geth writes them, integers as decimal or {@code
 * 0x}-hex. Every failure is a {@link GenesisAllocException} that starts with the caller's {@code
 * where} (the setting or file and the field).
 */
final class GenesisText {

  private GenesisText() {}

  /**
   * An address with or without {@code 0x}, EIP-55 checked when mixed-case.
   *
   * @throws GenesisAllocException {@code "<where>: '<text>' is not an address …"}
   */
  static Address address(String where, String text) {
    String hex = text.startsWith("0x") || text.startsWith("0X") ? text : "0x" + text;
    if (hex.length() != 42) {
      throw new GenesisAllocException(
          where
              + ": '"
              + text
              + "' is not an address (0x and 40 hex digits; in YAML quote keys that start"
              + " with 0x, or YAML reads them as numbers)");
    }
    try {
      return Address.fromHex("0x" + hex.substring(2));
    } catch (IllegalArgumentException e) {
      throw new GenesisAllocException(
          where + ": '" + text + "' is not an address: " + e.getMessage());
    }
  }

  /**
   * A decimal or {@code 0x}-hex integer below 2^bits.
   *
   * @throws GenesisAllocException {@code "<where> '<text>' is negative"} (or is not an integer, or
   *     does not fit)
   */
  static BigInteger quantity(String where, String text, int bits) {
    String prefix = where + " '" + text + "' ";
    if (text.startsWith("-")) {
      throw new GenesisAllocException(prefix + "is negative");
    }
    boolean hex = text.startsWith("0x") || text.startsWith("0X");
    String digits = hex ? text.substring(2) : text;
    String allowed = hex ? "[0-9a-fA-F]+" : "[0-9]+";
    if (!digits.matches(allowed)) {
      throw new GenesisAllocException(
          prefix + "is not an integer (decimal digits, or 0x and hex digits)");
    }
    BigInteger value = new BigInteger(digits, hex ? 16 : 10);
    if (value.bitLength() > bits) {
      throw new GenesisAllocException(
          prefix + "does not fit " + bits + " bits (at most 2^" + bits + "-1)");
    }
    return value;
  }
}
