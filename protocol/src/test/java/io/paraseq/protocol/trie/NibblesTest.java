package io.paraseq.protocol.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Bytes;
import org.junit.jupiter.api.Test;

/** Hex-prefix encoding, with the examples of the Ethereum wiki's Patricia tree page. */
class NibblesTest {

  @Test
  void hexPrefixEncodesFlagsAndParity() {
    assertThat(Nibbles.hexPrefix(new byte[] {1, 2, 3, 4, 5}, false))
        .isEqualTo(Bytes.fromHex("0x112345"));
    assertThat(Nibbles.hexPrefix(new byte[] {0, 1, 2, 3, 4, 5}, false))
        .isEqualTo(Bytes.fromHex("0x00012345"));
    assertThat(Nibbles.hexPrefix(new byte[] {0, 0xf, 1, 0xc, 0xb, 8}, true))
        .isEqualTo(Bytes.fromHex("0x200f1cb8"));
    assertThat(Nibbles.hexPrefix(new byte[] {0xf, 1, 0xc, 0xb, 8}, true))
        .isEqualTo(Bytes.fromHex("0x3f1cb8"));
  }

  @Test
  void hexPrefixRoundTrips() {
    Nibbles.Decoded decoded = Nibbles.decodeHexPrefix(Bytes.fromHex("0x3f1cb8"));
    assertThat(decoded.leaf()).isTrue();
    assertThat(decoded.path()).containsExactly(0xf, 1, 0xc, 0xb, 8);
    assertThat(Nibbles.decodeHexPrefix(Bytes.fromHex("0x00")).path()).isEmpty();
  }

  @Test
  void malformedHexPrefixesAreRejected() {
    for (String hex : new String[] {"0x", "0x40", "0x01", "0x2f12"}) {
      assertThatThrownBy(() -> Nibbles.decodeHexPrefix(Bytes.fromHex(hex)))
          .as(hex)
          .isInstanceOf(MalformedNodeException.class);
    }
  }

  @Test
  void keysSplitIntoNibblesAndBack() {
    byte[] nibbles = Nibbles.of(Bytes.fromHex("0xab01"));
    assertThat(nibbles).containsExactly(0xa, 0xb, 0, 1);
    assertThat(Nibbles.toBytes(nibbles, 4)).isEqualTo(Bytes.fromHex("0xab01"));
  }
}
