package io.paraseq.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A broken native setup must fail the build, not fall back silently to BouncyCastle. */
class Secp256k1DefaultBackendTest {

  @Test
  void theDefaultInstanceUsesLibsecp256k1() {
    assertThat(Secp256k1.get().backend()).isEqualTo(Secp256k1.Backend.NATIVE);
    assertThat(Secp256k1.get()).isSameAs(Secp256k1.get());
  }

  @Test
  void theBouncyCastleInstanceSaysSo() {
    assertThat(Secp256k1.bouncyCastle().backend()).isEqualTo(Secp256k1.Backend.BOUNCY_CASTLE);
  }
}
