package io.paraseq.protocol.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashTest {

  @Test
  void keccakOfEmptyIsTheWellKnownConstant() {
    assertThat(Hash.keccak(Bytes.EMPTY))
        .hasToString("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void keccakOfASliceEqualsKeccakOfTheCopy() {
    byte[] data = {9, 1, 2, 3, 9};
    assertThat(Hash.keccak(data, 1, 3)).isEqualTo(Hash.keccak(Bytes.fromHex("0x010203")));
  }

  @Test
  void requiresExactly32Bytes() {
    assertThatThrownBy(() -> Hash.of(Bytes.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, got 31");
    assertThat(Hash.fromHex(Hash.ZERO.toString())).isEqualTo(Hash.ZERO);
  }
}
