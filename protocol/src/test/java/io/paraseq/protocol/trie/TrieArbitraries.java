package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generators for trie properties: keys that share prefixes often, values around 32 bytes. */
final class TrieArbitraries {

  private TrieArbitraries() {}

  /**
   * Short keys over a few byte values, so that keys are often prefixes of each other and share
   * nibbles (exercising extensions, branch values and collapses); sometimes empty.
   */
  static Arbitrary<Bytes> keys() {
    Arbitrary<Byte> alphabet =
        Arbitraries.of(
            (byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x11, (byte) 0xab, (byte) 0xff);
    Arbitrary<Bytes> prefixed = alphabet.list().ofMaxSize(5).map(TrieArbitraries::bytes);
    Arbitrary<Bytes> random =
        Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(33).map(TrieArbitraries::bytes);
    return Arbitraries.frequencyOf(Tuple.of(4, prefixed), Tuple.of(1, random));
  }

  /** Non-empty values from 1 to 70 bytes: inline nodes and hashed ones. */
  static Arbitrary<Bytes> values() {
    return Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(70).map(TrieArbitraries::bytes);
  }

  /** Key/value sets of up to 60 entries. */
  static Arbitrary<Map<Bytes, Bytes>> entries() {
    return Arbitraries.maps(keys(), values()).ofMaxSize(60);
  }

  static Bytes bytes(List<Byte> list) {
    byte[] out = new byte[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return Bytes.of(out);
  }
}
