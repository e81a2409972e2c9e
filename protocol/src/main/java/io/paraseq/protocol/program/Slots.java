package io.paraseq.protocol.program;

import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;

/**
 * Storage slot arithmetic as solc lays out state variables: slot {@code i} is the 32-byte
 * big-endian {@code i}; a mapping at slot {@code p} keeps key {@code k} at {@code
 * keccak256(pad32(k) ‖ pad32(p))}; a nested mapping applies that twice. Pure functions, no gas
 * (callers charge).
 */
public final class Slots {

  private Slots() {}

  /** Slot number {@code index}. */
  public static Hash of(long index) {
    return Hash.of(Word.of(index).bytes());
  }

  /** The slot of {@code key} in the mapping declared at {@code base}. */
  public static Hash mapping(Hash base, Address key) {
    byte[] input = new byte[2 * Word.LENGTH]; // pad32(key) || base, hashed in place
    key.bytes().copyTo(input, Word.LENGTH - Address.LENGTH);
    base.bytes().copyTo(input, Word.LENGTH);
    return Hash.keccak(input, 0, input.length);
  }

  /** The slot of the 32-byte {@code key} in the mapping declared at {@code base}. */
  public static Hash mapping(Hash base, Hash key) {
    byte[] input = new byte[2 * Word.LENGTH]; // key || base, hashed in place
    key.bytes().copyTo(input, 0);
    base.bytes().copyTo(input, Word.LENGTH);
    return Hash.keccak(input, 0, input.length);
  }

  /** {@code base + offset}, modulo 2^256: the slots after a long string's first data slot. */
  public static Hash plus(Hash base, long offset) {
    BigInteger sum =
        new BigInteger(1, base.bytes().toArray())
            .add(BigInteger.valueOf(offset))
            .mod(BigInteger.ONE.shiftLeft(256));
    return Hash.of(Word.of(sum).bytes());
  }

  /** {@code address} as a storage word: left-padded with zeros. */
  public static Word word(Address address) {
    byte[] out = new byte[Word.LENGTH];
    address.bytes().copyTo(out, Word.LENGTH - Address.LENGTH);
    return new Word(Bytes.of(out));
  }

  /** The address in the low 20 bytes of {@code word}. */
  public static Address address(Word word) {
    return Address.of(word.bytes().slice(Word.LENGTH - Address.LENGTH, Address.LENGTH));
  }
}
