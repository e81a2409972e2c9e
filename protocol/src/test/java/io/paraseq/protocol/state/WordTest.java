package io.paraseq.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Word: 32 bytes, zero means absent, the storage trie stores RLP of the trimmed value. */
class WordTest {

  @Test
  void holdsUnsigned256BitValues() {
    BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    assertThat(Word.of(max).toBigInteger()).isEqualTo(max);
    assertThat(Word.of(0)).isEqualTo(Word.ZERO);
    assertThat(Word.ZERO.isZero()).isTrue();
    assertThat(Word.of(1).isZero()).isFalse();
    assertThat(Word.of(0x1234).bytes().slice(30, 2)).isEqualTo(Bytes.fromHex("0x1234"));
    assertThatThrownBy(() -> Word.of(BigInteger.TWO.pow(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Word.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Word(Bytes.of((byte) 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trieValueIsRlpOfTheTrimmedBytes() {
    assertThat(Word.of(1).trieValue()).isEqualTo(Bytes.fromHex("0x01"));
    assertThat(Word.of(0x80).trieValue()).isEqualTo(Bytes.fromHex("0x8180"));
    assertThat(Word.of(0x1234).trieValue()).isEqualTo(Bytes.fromHex("0x821234"));
    Word full = Word.fromHex("0x" + "ff".repeat(32));
    assertThat(full.trieValue()).isEqualTo(Bytes.fromHex("0xa0" + "ff".repeat(32)));
  }
}
