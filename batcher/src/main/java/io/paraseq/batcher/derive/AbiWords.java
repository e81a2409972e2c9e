package io.paraseq.batcher.derive;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Optional;
import java.util.OptionalLong;

/** Reading 32-byte ABI words: the one place for the word rules of the derivation. Stateless. */
final class AbiWords {

  static final int WORD = 32;

  private AbiWords() {}

  /** The word at {@code offset} as a hash, or empty past the end. */
  static Optional<Hash> bytes32(Bytes data, long offset) {
    if (offset < 0 || offset + WORD > data.length()) {
      return Optional.empty();
    }
    return Optional.of(Hash.of(data.slice((int) offset, WORD)));
  }

  /**
   * The word at {@code offset} as an unsigned integer below 2^63 (every uint64 the derivation reads
   * is a seq, a block number or a length), or empty past the end or if the value is wider:
   * Solidity's decoder reverts on a uint64 with dirty high bytes, so such input never reached the
   * contract.
   */
  static OptionalLong uint63(Bytes data, long offset) {
    if (offset < 0 || offset + WORD > data.length()) {
      return OptionalLong.empty();
    }
    int start = (int) offset;
    for (int i = 0; i < WORD - Long.BYTES; i++) {
      if (data.get(start + i) != 0) {
        return OptionalLong.empty();
      }
    }
    long value = 0;
    for (int i = WORD - Long.BYTES; i < WORD; i++) {
      value = (value << 8) | (data.get(start + i) & 0xff);
    }
    return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
