package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HexCodecTest {

  @Test
  void encodesQuantitiesMinimally() {
    assertThat(HexCodec.quantity(0)).isEqualTo("0x0");
    assertThat(HexCodec.quantity(1)).isEqualTo("0x1");
    assertThat(HexCodec.quantity(3195)).isEqualTo("0xc7b");
    assertThat(HexCodec.quantity(Long.MAX_VALUE)).isEqualTo("0x7fffffffffffffff");
    assertThat(HexCodec.quantity(BigInteger.ZERO)).isEqualTo("0x0");
    assertThat(HexCodec.quantity(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)))
        .isEqualTo("0x" + "f".repeat(64));
  }

  @Test
  void refusesToEncodeNegativeQuantities() {
    assertThatThrownBy(() -> HexCodec.quantity(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> HexCodec.quantity(BigInteger.valueOf(-2))).hasMessageContaining("-2");
  }

  @Test
  void encodesDataTwoDigitsPerByte() {
    assertThat(HexCodec.data(Bytes.EMPTY)).isEqualTo("0x");
    assertThat(HexCodec.data(Bytes.of((byte) 0, (byte) 0xab))).isEqualTo("0x00ab");
  }

  @ParameterizedTest
  @CsvSource({"0x0, 0", "0x1, 1", "0xff, 255", "0XFF, 255", "0xC7B, 3195"})
  void decodesQuantities(String text, long expected) {
    assertThat(HexCodec.decodeQuantity(text))
        .isEqualTo(new HexCodec.Decoded.Valid<>(BigInteger.valueOf(expected)));
    assertThat(HexCodec.decodeLongQuantity(text)).isEqualTo(new HexCodec.Decoded.Valid<>(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty hex string",
        "0|hex string without 0x prefix",
        "12|hex string without 0x prefix",
        "x1|hex string without 0x prefix",
        "0x|hex string \"0x\"",
        "0x00|hex number with leading zero digits",
        "0x01|hex number with leading zero digits",
        "0xg|invalid hex string",
        "'0x1 '|invalid hex string",
        "0x١|invalid hex string",
        "0x-1|invalid hex string",
      })
  void rejectsMalformedQuantitiesWithGethsReasons(String text, String reason) {
    assertThat(HexCodec.decodeQuantity(text)).isEqualTo(new HexCodec.Decoded.Invalid<>(reason));
  }

  @Test
  void boundsQuantities() {
    String max256 = "0x" + "f".repeat(64);
    assertThat(HexCodec.decodeQuantity(max256))
        .isEqualTo(new HexCodec.Decoded.Valid<>(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)));
    assertThat(HexCodec.decodeQuantity("0x1" + "0".repeat(64)))
        .isEqualTo(new HexCodec.Decoded.Invalid<>("hex number > 256 bits"));
    assertThat(HexCodec.decodeLongQuantity("0x7fffffffffffffff"))
        .isEqualTo(new HexCodec.Decoded.Valid<>(Long.MAX_VALUE));
    assertThat(HexCodec.decodeLongQuantity("0x8000000000000000"))
        .isEqualTo(new HexCodec.Decoded.Invalid<>("hex number > 63 bits"));
  }

  @Test
  void decodesData() {
    assertThat(HexCodec.decodeData("0x")).isEqualTo(new HexCodec.Decoded.Valid<>(Bytes.EMPTY));
    assertThat(HexCodec.decodeData("0x00aBcD"))
        .isEqualTo(new HexCodec.Decoded.Valid<>(Bytes.of((byte) 0, (byte) 0xab, (byte) 0xcd)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty hex string",
        "abcd|hex string without 0x prefix",
        "0x1|hex string of odd length",
        "0xabc|hex string of odd length",
        "0xzz|invalid hex string",
        "0x0g|invalid hex string",
      })
  void rejectsMalformedDataWithGethsReasons(String text, String reason) {
    assertThat(HexCodec.decodeData(text)).isEqualTo(new HexCodec.Decoded.Invalid<>(reason));
  }

  @Test
  void mapKeepsTheReasonOfAnInvalidValue() {
    assertThat(HexCodec.decodeData("0x0102").map(Bytes::length))
        .isEqualTo(new HexCodec.Decoded.Valid<>(2));
    assertThat(HexCodec.decodeData("0x1").map(Bytes::length))
        .isEqualTo(new HexCodec.Decoded.Invalid<>("hex string of odd length"));
  }
}
