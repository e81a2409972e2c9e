package io.paraseq.protocol.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.crypto.CurveOrder;
import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signing hashes and signatures against the worked example of EIP-155. */
class TransactionSignerTest {

  private static final PrivateKey KEY =
      PrivateKey.of(
              Bytes.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646")
                  .toArray())
          .orElseThrow();

  private static final LegacyTransaction EIP155_EXAMPLE =
      new LegacyTransaction(
          9,
          Wei.of(20_000_000_000L),
          21_000,
          Optional.of(Address.fromHex("0x3535353535353535353535353535353535353535")),
          Wei.of(BigInteger.TEN.pow(18)),
          Bytes.EMPTY,
          Optional.of(ChainId.MAINNET));

  @Test
  void eip155SigningPayloadAndHash() {
    assertThat(TransactionEncoder.signingPayload(EIP155_EXAMPLE))
        .isEqualTo(
            Bytes.fromHex(
                "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080"));
    assertThat(TransactionSigner.signingHash(EIP155_EXAMPLE))
        .isEqualTo(
            Hash.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));
  }

  @Test
  void eip155SignedTransaction() {
    SignedTransaction signed = TransactionSigner.sign(EIP155_EXAMPLE, KEY);
    assertThat(signed.encoded())
        .isEqualTo(
            Bytes.fromHex(
                "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"));
    assertThat(TransactionSigner.recoverSender(signed).orElseThrow())
        .isEqualTo(Address.fromHex("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
  }

  @Test
  void preEip155SigningPayloadHasNoChainFields() {
    LegacyTransaction unprotected =
        new LegacyTransaction(
            EIP155_EXAMPLE.nonce(),
            EIP155_EXAMPLE.gasPrice(),
            EIP155_EXAMPLE.gasLimit(),
            EIP155_EXAMPLE.to(),
            EIP155_EXAMPLE.value(),
            EIP155_EXAMPLE.data(),
            Optional.empty());
    assertThat(TransactionEncoder.signingPayload(unprotected))
        .isEqualTo(
            Bytes.fromHex(
                "0xe9098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080"));
    SignedTransaction signed = TransactionSigner.sign(unprotected, KEY);
    assertThat(signed.encoded().get(signed.encoded().length() - 67) & 0xff).isIn(27, 28);
    assertThat(TransactionSigner.sender(signed).orElseThrow())
        .isEqualTo(Address.fromHex("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
  }

  @Test
  void typedSigningPayloadStartsWithTheTypeByte() {
    DynamicFeeTransaction tx =
        new DynamicFeeTransaction(
            ChainId.PARASEQ_DEFAULT,
            0,
            Wei.of(1),
            Wei.of(2),
            21_000,
            EIP155_EXAMPLE.to(),
            Wei.ZERO,
            Bytes.EMPTY,
            List.of());
    assertThat(TransactionEncoder.signingPayload(tx).get(0)).isEqualTo((byte) 0x02);
    SignedTransaction signed = TransactionSigner.sign(tx, KEY);
    assertThat(signed.encoded().get(0)).isEqualTo((byte) 0x02);
    assertThat(TransactionSigner.sender(signed).orElseThrow())
        .isEqualTo(Address.fromHex("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
  }

  @Test
  void aHighSIsRejectedOnRecovery() {
    SignedTransaction signed = TransactionSigner.sign(EIP155_EXAMPLE, KEY);
    BigInteger highS = CurveOrder.ORDER.subtract(SignatureRules.toInteger(signed.signature().s()));
    SignedTransaction malleated =
        new SignedTransaction(
            signed.payload(),
            new TransactionSignature(
                1 - signed.signature().yParity(),
                signed.signature().r(),
                SignatureRules.scalar(highS)));
    assertThat(TransactionSigner.recoverSender(malleated).rejectionIfInvalid())
        .map(Rejection::reason)
        .contains(InvalidTransaction.S_NOT_LOW);
    assertThat(TransactionDecoder.decode(malleated.encoded()).rejectionIfInvalid())
        .map(Rejection::reason)
        .contains(InvalidTransaction.S_NOT_LOW);
  }
}
