package io.paraseq.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** The native and the pure-Java backend give byte-identical answers, failures included. */
class Secp256k1BackendAgreementTest {

  private final Secp256k1 nativeSecp = Secp256k1Backends.nativeOnly();
  private final Secp256k1 pureJava = Secp256k1.bouncyCastle();

  @Property(tries = 300)
  void signAndPublicKeyAgree(
      @ForAll @Size(32) byte[] privateKey, @ForAll @Size(32) byte[] messageHash) {
    Secp256k1Result<Signature> signature = nativeSecp.sign(messageHash, privateKey);

    assertThat(signature).isEqualTo(pureJava.sign(messageHash, privateKey));
    assertThat(nativeSecp.publicKey(privateKey)).isEqualTo(pureJava.publicKey(privateKey));
    if (signature instanceof Secp256k1Result.Ok<Signature> ok) {
      assertThat(nativeSecp.recoverPublicKey(messageHash, ok.value()))
          .isEqualTo(nativeSecp.publicKey(privateKey));
    }
  }

  /** Arbitrary r and s: recovered keys and rejection reasons agree; nothing throws. */
  @Property(tries = 300)
  void recoveryOfArbitraryValuesAgrees(
      @ForAll @Size(32) byte[] messageHash,
      @ForAll @Size(32) byte[] r,
      @ForAll @Size(32) byte[] s,
      @ForAll @IntRange(min = 0, max = 1) int recId) {
    for (SValuePolicy policy : SValuePolicy.values()) {
      Signature signature = new Signature(r, s, recId);
      Secp256k1Result<byte[]> recovered =
          nativeSecp.recoverPublicKey(messageHash, signature, policy);
      assertThat(recovered).isEqualTo(pureJava.recoverPublicKey(messageHash, signature, policy));
      Statistics.label(policy.name())
          .collect(recovered.error().map(Enum::name).orElse("RECOVERED"));
    }
  }
}
