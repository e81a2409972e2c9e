package io.paraseq.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rejected input comes back as its reason, on each backend, without an exception. */
class Secp256k1ValidationTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger N = new BigInteger(1, CurveOrder.N);
  private static final byte[] KEY =
      HEX.parseHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final byte[] HASH = Keccak256.hash(HEX.parseHex("c0ffee"));

  static Stream<Secp256k1> backends() {
    return Secp256k1Backends.both();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void roundTripRecoversTheSignersKeyAndAddress(Secp256k1 secp) {
    Signature sig = secp.sign(HASH, KEY).orElseThrow();

    assertThat(sig.recId()).isIn(0, 1);
    assertThat(CurveOrder.isLow(sig.s())).isTrue();
    assertThat(secp.recoverPublicKey(HASH, sig).orElseThrow())
        .isEqualTo(secp.publicKey(KEY).orElseThrow());
    assertThat(secp.recoverAddress(HASH, sig.r(), sig.s(), sig.recId()).orElseThrow())
        .isEqualTo(HEX.parseHex("f39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void signingIsDeterministic(Secp256k1 secp) {
    assertThat(secp.sign(HASH, KEY)).isEqualTo(secp.sign(HASH.clone(), KEY.clone()));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void highSIsRejectedByTheStrictPathAndAcceptedByTheLenientOne(Secp256k1 secp) {
    Signature low = secp.sign(HASH, KEY).orElseThrow();
    Signature high =
        new Signature(low.r(), scalar(N.subtract(new BigInteger(1, low.s()))), low.recId() ^ 1);

    assertThat(secp.recoverPublicKey(HASH, high).error()).contains(SignatureError.S_NOT_LOW);
    assertThat(secp.recoverAddress(HASH, high.r(), high.s(), high.recId()).error())
        .contains(SignatureError.S_NOT_LOW);
    assertThat(secp.recoverPublicKey(HASH, high, SValuePolicy.ANY_S).orElseThrow())
        .isEqualTo(secp.publicKey(KEY).orElseThrow());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void halfNIsStillLowAndHalfNPlusOneIsNot(Secp256k1 secp) {
    Signature valid = secp.sign(HASH, KEY).orElseThrow();
    Signature atHalf = new Signature(valid.r(), CurveOrder.HALF_N, 0);
    Signature aboveHalf = new Signature(valid.r(), scalar(N.shiftRight(1).add(BigInteger.ONE)), 0);

    assertThat(secp.recoverPublicKey(HASH, atHalf).isOk()).isTrue();
    assertThat(secp.recoverPublicKey(HASH, aboveHalf).error()).contains(SignatureError.S_NOT_LOW);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void outOfRangeValuesGiveTheirReason(Secp256k1 secp) {
    Signature valid = secp.sign(HASH, KEY).orElseThrow();
    byte[] zero = new byte[32];
    byte[] nMinusOne = scalar(N.subtract(BigInteger.ONE));
    byte[] ff = HEX.parseHex("ff".repeat(32));

    assertThat(reason(secp, zero, valid.s(), 0)).isEqualTo(SignatureError.R_OUT_OF_RANGE);
    assertThat(reason(secp, CurveOrder.N, valid.s(), 0)).isEqualTo(SignatureError.R_OUT_OF_RANGE);
    assertThat(reason(secp, ff, valid.s(), 0)).isEqualTo(SignatureError.R_OUT_OF_RANGE);
    assertThat(reason(secp, valid.r(), zero, 0)).isEqualTo(SignatureError.S_OUT_OF_RANGE);
    assertThat(reason(secp, valid.r(), CurveOrder.N, 0)).isEqualTo(SignatureError.S_OUT_OF_RANGE);
    assertThat(reason(secp, valid.r(), nMinusOne, 0)).isEqualTo(SignatureError.S_NOT_LOW);
    for (SValuePolicy policy : SValuePolicy.values()) {
      assertThat(secp.recoverPublicKey(HASH, new Signature(valid.r(), CurveOrder.N, 0), policy))
          .isEqualTo(Secp256k1Result.err(SignatureError.S_OUT_OF_RANGE));
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void recoveryIdsOtherThanZeroAndOneAreRejected(Secp256k1 secp) {
    Signature valid = secp.sign(HASH, KEY).orElseThrow();
    for (int recId : new int[] {-1, 2, 3, 27, 28, 37, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertThat(reason(secp, valid.r(), valid.s(), recId))
          .as("recId %d", recId)
          .isEqualTo(SignatureError.INVALID_RECOVERY_ID);
    }
  }

  /** x = 5 is not on the curve (5^3 + 7 is no square mod p), so there is no R to recover. */
  @ParameterizedTest
  @MethodSource("backends")
  void anRThatIsNoXCoordinateFailsRecovery(Secp256k1 secp) {
    Signature valid = secp.sign(HASH, KEY).orElseThrow();
    assertThat(reason(secp, scalar(BigInteger.valueOf(5)), valid.s(), 0))
        .isEqualTo(SignatureError.RECOVERY_FAILED);
    assertThat(reason(secp, scalar(BigInteger.valueOf(5)), valid.s(), 1))
        .isEqualTo(SignatureError.RECOVERY_FAILED);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void invalidPrivateKeysAreRejected(Secp256k1 secp) {
    byte[][] invalid = {
      new byte[32], CurveOrder.N, HEX.parseHex("ff".repeat(32)), new byte[31], new byte[33]
    };
    for (byte[] key : invalid) {
      assertThat(secp.sign(HASH, key).error()).contains(SignatureError.INVALID_PRIVATE_KEY);
      assertThat(secp.publicKey(key).error()).contains(SignatureError.INVALID_PRIVATE_KEY);
    }
    assertThat(secp.publicKey(scalar(N.subtract(BigInteger.ONE))).isOk()).isTrue();
  }

  private static SignatureError reason(Secp256k1 secp, byte[] r, byte[] s, int recId) {
    return secp.recoverAddress(HASH, r, s, recId, SValuePolicy.LOW_S_ONLY).error().orElseThrow();
  }

  private static byte[] scalar(BigInteger value) {
    return org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, value);
  }
}
