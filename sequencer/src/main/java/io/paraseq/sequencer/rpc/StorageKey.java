package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A storage slot argument ({@code eth_getStorageAt}, {@code eth_getProof}), read as geth's {@code
 * decodeHash} reads it: hex with an optional {@code 0x}, an odd digit count padded with a leading
 * zero, at most 32 bytes, left-padded to 32 — so both a quantity ({@code 0x0}) and 32-byte data
 * name a slot.
 *
 * @param slot the 32-byte slot
 * @param inputLength how many bytes the argument gave (geth echoes a 32-byte key as given and any
 *     shorter one as a quantity)
 */
record StorageKey(Hash slot, int inputLength) {

  StorageKey {
    Objects.requireNonNull(slot, "slot");
  }

  /** Parses {@code text}; the failure reasons are geth's. */
  static HexCodec.Decoded<StorageKey> parse(String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if ((digits.length() & 1) != 0) {
      digits = "0" + digits;
    }
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(digits);
    } catch (IllegalArgumentException e) {
      return new HexCodec.Decoded.Invalid<>("hex string invalid");
    }
    if (bytes.length > Hash.LENGTH) {
      return new HexCodec.Decoded.Invalid<>("hex string too long, want at most 32 bytes");
    }
    byte[] padded = new byte[Hash.LENGTH];
    System.arraycopy(bytes, 0, padded, Hash.LENGTH - bytes.length, bytes.length);
    return new HexCodec.Decoded.Valid<>(new StorageKey(Hash.of(Bytes.of(padded)), bytes.length));
  }

  /** The key as {@code eth_getProof} echoes it: 32 bytes as data, shorter as a quantity. */
  String echoed() {
    return inputLength == Hash.LENGTH
        ? HexCodec.data(slot.bytes())
        : HexCodec.quantity(new BigInteger(1, slot.bytes().toArray()));
  }
}
