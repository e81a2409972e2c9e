package io.paraseq.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Published keys, addresses and signatures, checked against each backend. */
class Secp256k1VectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  static java.util.stream.Stream<Secp256k1> backends() {
    return Secp256k1Backends.both();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void anvilDevKeysHaveTheirWellKnownAddresses(Secp256k1 secp) {
    assertThat(addressOf(secp, "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"))
        .isEqualTo("f39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    assertThat(addressOf(secp, "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"))
        .isEqualTo("70997970c51812dc3a010c7d01b50e0d17dc79c8");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void keyOneIsTheGenerator(Secp256k1 secp) {
    byte[] one = new byte[32];
    one[31] = 1;
    assertThat(HEX.formatHex(secp.publicKey(one).orElseThrow()))
        .isEqualTo(
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
  }

  /** The worked example of EIP-155: key 0x4646…46, v = 37 (chain 1, recId 0). */
  @ParameterizedTest
  @MethodSource("backends")
  void signsTheEip155ExampleLikeTheSpecification(Secp256k1 secp) {
    byte[] key = HEX.parseHex("46".repeat(32));
    byte[] hash = HEX.parseHex("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    Signature expected =
        new Signature(
            HEX.parseHex("28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"),
            HEX.parseHex("67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"),
            0);

    assertThat(secp.sign(hash, key).orElseThrow()).isEqualTo(expected);
    assertThat(
            HEX.formatHex(
                secp.recoverAddress(hash, expected.r(), expected.s(), expected.recId())
                    .orElseThrow()))
        .isEqualTo("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
  }

  private static String addressOf(Secp256k1 secp, String privateKeyHex) {
    byte[] publicKey = secp.publicKey(HEX.parseHex(privateKeyHex)).orElseThrow();
    return HEX.formatHex(Secp256k1.address(publicKey));
  }
}
