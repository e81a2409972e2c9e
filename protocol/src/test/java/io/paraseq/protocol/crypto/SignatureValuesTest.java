package io.paraseq.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Value semantics of Signature, PrivateKey and Secp256k1Result: copies, equality, toString. */
class SignatureValuesTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String KEY_HEX =
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  @Test
  void signatureCopiesInAndOut() {
    byte[] r = new byte[32];
    byte[] s = new byte[32];
    Signature sig = new Signature(r, s, 1);
    r[0] = 1;
    sig.s()[0] = 1;

    assertThat(sig).isEqualTo(new Signature(new byte[32], new byte[32], 1));
    assertThat(sig.hashCode()).isEqualTo(new Signature(new byte[32], new byte[32], 1).hashCode());
    assertThat(sig).isNotEqualTo(new Signature(new byte[32], new byte[32], 0));
  }

  @Test
  void signatureEncodesAsRThenSThenRecId() {
    byte[] encoded = HEX.parseHex("11".repeat(32) + "22".repeat(32) + "01");
    Signature sig = Signature.fromBytes(encoded);

    assertThat(sig.r()).isEqualTo(HEX.parseHex("11".repeat(32)));
    assertThat(sig.s()).isEqualTo(HEX.parseHex("22".repeat(32)));
    assertThat(sig.recId()).isEqualTo(1);
    assertThat(sig.toBytes()).isEqualTo(encoded);
    assertThat(sig.toString()).contains("r=0x1111", "s=0x2222", "recId=1");
  }

  @Test
  void signatureRejectsWrongLengths() {
    assertThatThrownBy(() -> new Signature(new byte[31], new byte[32], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r must be 32 bytes");
    assertThatThrownBy(() -> Signature.fromBytes(new byte[64]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void privateKeyNeverShowsItsBytes() {
    PrivateKey key = PrivateKey.of(HEX.parseHex(KEY_HEX)).orElseThrow();

    assertThat(key.toString()).isEqualTo("PrivateKey[redacted]").doesNotContain("ac09");
    assertThat(Secp256k1Result.ok(key).toString()).doesNotContain("ac09");
    assertThat(key).isEqualTo(PrivateKey.of(HEX.parseHex(KEY_HEX)).orElseThrow());
  }

  @Test
  void privateKeyCopiesInAndOut() {
    byte[] bytes = HEX.parseHex(KEY_HEX);
    PrivateKey key = PrivateKey.of(bytes).orElseThrow();
    bytes[0] = 0;
    key.bytes()[1] = 0;

    assertThat(key.bytes()).isEqualTo(HEX.parseHex(KEY_HEX));
  }

  @Test
  void byteArrayResultsAreCopiedAndCompareByContent() {
    byte[] value = {1, 2, 3};
    Secp256k1Result.Ok<byte[]> ok = new Secp256k1Result.Ok<>(value);
    value[0] = 9;
    ok.value()[1] = 9;

    assertThat(ok.value()).containsExactly(1, 2, 3);
    assertThat(ok).isEqualTo(Secp256k1Result.ok(new byte[] {1, 2, 3}));
    assertThat(ok.hashCode()).isEqualTo(Secp256k1Result.ok(new byte[] {1, 2, 3}).hashCode());
    assertThat(ok.toString()).isEqualTo("Ok[0x010203]");
  }

  @Test
  void errCarriesItsReasonAndThrowsOnlyWhenForced() {
    Secp256k1Result<byte[]> err = Secp256k1Result.err(SignatureError.S_NOT_LOW);

    assertThat(err.isOk()).isFalse();
    assertThat(err.error()).contains(SignatureError.S_NOT_LOW);
    assertThatThrownBy(err::orElseThrow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("S_NOT_LOW");
  }

  @Test
  void addressRejectsAKeyOfTheWrongLength() {
    assertThatThrownBy(() -> Secp256k1.address(new byte[65]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 bytes");
  }
}
