package io.paraseq.protocol.crypto;

import java.util.stream.Stream;

/** Both backends, for tests that must hold for each. */
final class Secp256k1Backends {

  private Secp256k1Backends() {}

  /** The native backend, loaded directly so that a broken native setup fails the test. */
  static Secp256k1 nativeOnly() {
    try {
      return new Secp256k1(NativeSecp256k1.load());
    } catch (Exception e) {
      throw new AssertionError("libsecp256k1 must load on this machine", e);
    }
  }

  static Stream<Secp256k1> both() {
    return Stream.of(nativeOnly(), Secp256k1.bouncyCastle());
  }
}
