package io.paraseq.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Keccak256Test {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void emptyInputIsTheWellKnownEmptyHash() {
    assertThat(HEX.formatHex(Keccak256.hash(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void hashesTheTransferEventSignature() {
    byte[] sig = "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII);
    assertThat(HEX.formatHex(Keccak256.hash(sig)))
        .isEqualTo("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  }

  @Test
  void hashesASliceLikeACopyOfIt() {
    byte[] data = "xxabcxx".getBytes(StandardCharsets.US_ASCII);
    assertThat(Keccak256.hash(data, 2, 3))
        .isEqualTo(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII)));
  }
}
