package io.paraseq.protocol.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void copiesOnTheWayInAndOut() {
    byte[] source = {1, 2, 3};
    Bytes bytes = Bytes.of(source);
    source[0] = 9;
    bytes.toArray()[1] = 9;
    assertThat(bytes.toArray()).containsExactly(1, 2, 3);
  }

  @Test
  void hexRoundTripsAndAcceptsBothCases() {
    Bytes bytes = Bytes.fromHex("0x00aBcDeF7f");
    assertThat(bytes.toString()).isEqualTo("0x00abcdef7f");
    assertThat(Bytes.fromHex(bytes.toHex())).isEqualTo(bytes);
    assertThat(Bytes.fromHex("0x")).isSameAs(Bytes.EMPTY);
  }

  @Test
  void rejectsMalformedHexWithAClearMessage() {
    assertThatThrownBy(() -> Bytes.fromHex("abcd")).hasMessageContaining("must start with 0x");
    assertThatThrownBy(() -> Bytes.fromHex("0xabc")).hasMessageContaining("odd number of digits");
    assertThatThrownBy(() -> Bytes.fromHex("0xzz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'z' at index 2");
    assertThatThrownBy(() -> Bytes.fromHex("0x١٢")).hasMessageContaining("invalid hex digit");
    assertThatThrownBy(() -> Bytes.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slicesAndConcatenates() {
    Bytes bytes = Bytes.fromHex("0x0102030405");
    assertThat(bytes.slice(1, 3)).isEqualTo(Bytes.fromHex("0x020304"));
    assertThat(bytes.slice(5, 0)).isEqualTo(Bytes.EMPTY);
    assertThat(bytes.slice(0, 2).concat(bytes.slice(2, 3))).isEqualTo(bytes);
    assertThat(bytes.length()).isEqualTo(5);
    assertThatThrownBy(() -> bytes.slice(4, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void ordersUnsignedLexicographically() {
    assertThat(Bytes.fromHex("0x7f")).isLessThan(Bytes.fromHex("0x80"));
    assertThat(Bytes.fromHex("0x01")).isLessThan(Bytes.fromHex("0x0100"));
    assertThat(Bytes.fromHex("0xff")).isGreaterThan(Bytes.fromHex("0x00ff"));
  }

  @Test
  void equalContentsAreEqualAndHashAlike() {
    assertThat(Bytes.of(new byte[] {1, 2}))
        .isEqualTo(Bytes.fromHex("0x0102"))
        .hasSameHashCodeAs(Bytes.fromHex("0x0102"))
        .isNotEqualTo(Bytes.fromHex("0x0103"));
  }
}
