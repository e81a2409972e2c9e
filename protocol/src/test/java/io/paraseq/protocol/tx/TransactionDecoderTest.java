package io.paraseq.protocol.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.rlp.RlpError;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder's reasons for hand-made inputs the vectors do not cover. */
class TransactionDecoderTest {

  private static final Bytes ADDRESS =
      Address.fromHex("0x3535353535353535353535353535353535353535").bytes();
  private static final BigInteger R = BigInteger.valueOf(12345);
  private static final BigInteger S = BigInteger.valueOf(6789);

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x03, 0x04, 0x05, 0x7d, 0x7f})
  void typeBytesOtherThanLegacyEip2930Eip1559AndDepositAreNotSupported(int typeByte) {
    Rejection rejection = reject(Bytes.of((byte) typeByte, (byte) 0xc0));
    assertThat(rejection.reason()).isEqualTo(InvalidTransaction.TYPE_NOT_SUPPORTED);
    assertThat(rejection.detail()).contains(String.format("0x%02x", typeByte));
  }

  @Test
  void blobAndSetCodeTypesAreNamed() {
    assertThat(reject(Bytes.of((byte) 3)).detail()).contains("BLOB");
    assertThat(reject(Bytes.of((byte) 4)).detail()).contains("SET_CODE");
  }

  @Test
  void emptyInputIsMalformedRlp() {
    Rejection rejection = reject(Bytes.EMPTY);
    assertThat(rejection.reason()).isEqualTo(InvalidTransaction.RLP_MALFORMED);
    assertThat(rejection.rlpError()).contains(RlpError.INPUT_EMPTY);
  }

  @Test
  void aTypedEnvelopeWithTrailingBytesIsMalformed() {
    Bytes valid = dynamicFee(w -> w.writeLong(1), 1);
    assertThat(TransactionDecoder.decode(valid).isValid()).isTrue();
    Rejection rejection = reject(valid.concat(Bytes.of((byte) 0)));
    assertThat(rejection.rlpError()).contains(RlpError.TRAILING_BYTES);
  }

  @Test
  void typedYParityMustBeZeroOrOne() {
    assertThat(reject(dynamicFee(w -> w.writeLong(1), 2)).reason())
        .isEqualTo(InvalidTransaction.INVALID_Y_PARITY);
    assertThat(reject(dynamicFee(w -> w.writeLong(1), 256)).reason())
        .isEqualTo(InvalidTransaction.INVALID_Y_PARITY);
  }

  @Test
  void typedChainIdMustBePositiveAndBounded() {
    assertThat(reject(dynamicFee(w -> w.writeLong(0), 0)).reason())
        .isEqualTo(InvalidTransaction.INVALID_CHAIN_ID);
    assertThat(reject(dynamicFee(w -> w.writeBigInteger(BigInteger.ONE.shiftLeft(63)), 0)).reason())
        .isEqualTo(InvalidTransaction.INVALID_CHAIN_ID);
  }

  @Test
  void legacyVMustEncodeAParityAndAChainId() {
    assertThat(reject(legacy(26)).reason()).isEqualTo(InvalidTransaction.INVALID_V);
    assertThat(reject(legacy(29)).reason()).isEqualTo(InvalidTransaction.INVALID_V);
    assertThat(reject(legacy(34)).reason()).isEqualTo(InvalidTransaction.INVALID_V);
    assertThat(reject(legacy(35)).reason()).isEqualTo(InvalidTransaction.INVALID_CHAIN_ID);
    assertThat(TransactionDecoder.decode(legacy(27)).isValid()).isTrue();
    assertThat(TransactionDecoder.decode(legacy(37)).isValid()).isTrue();
    SignedTransaction tx =
        (SignedTransaction) TransactionDecoder.decode(legacy(35 + 2 * 3195 + 1)).orElseThrow();
    assertThat(tx.payload().signatureChainId()).contains(ChainId.PARASEQ_DEFAULT);
    assertThat(tx.signature().yParity()).isEqualTo(1);
  }

  @Test
  void aMissingFieldIsAWrongFieldCount() {
    RlpWriter w = new RlpWriter().startList();
    w.writeLong(0).writeLong(1).writeLong(21_000).writeBytes(ADDRESS).writeLong(0);
    Rejection rejection = reject(w.endList().toBytes());
    assertThat(rejection.reason()).isEqualTo(InvalidTransaction.WRONG_FIELD_COUNT);
    assertThat(rejection.detail()).contains("9 fields").contains("data");
  }

  @Test
  void depositsRoundTripAndRequireARecipient() {
    DepositTransaction deposit =
        new DepositTransaction(
            DepositTransaction.userDepositSourceHash(Hash.ZERO, 7),
            Address.of(ADDRESS),
            Address.of(ADDRESS),
            Wei.of(10),
            Wei.of(5),
            100_000,
            false,
            Bytes.EMPTY);
    Bytes encoded = deposit.encoded();
    assertThat(encoded.get(0)).isEqualTo((byte) 0x7e);
    assertThat(TransactionDecoder.decode(encoded).orElseThrow()).isEqualTo(deposit);
    assertThat(TransactionSigner.sender(deposit).orElseThrow()).isEqualTo(deposit.from());

    assertThat(reject(deposit(Bytes.EMPTY, 0)).reason()).isEqualTo(InvalidTransaction.INVALID_TO);
    assertThat(reject(deposit(ADDRESS, 2)).reason()).isEqualTo(InvalidTransaction.INVALID_DEPOSIT);
    assertThat(TransactionDecoder.decode(deposit(ADDRESS, 1)).isValid()).isTrue();
  }

  @Test
  void depositSourceHashesDifferPerLog() {
    Hash block = Hash.keccak(Bytes.of((byte) 1));
    assertThat(DepositTransaction.userDepositSourceHash(block, 0))
        .isNotEqualTo(DepositTransaction.userDepositSourceHash(block, 1))
        .isEqualTo(DepositTransaction.userDepositSourceHash(block, 0));
  }

  private static Rejection reject(Bytes raw) {
    return TransactionDecoder.decode(raw).rejectionIfInvalid().orElseThrow();
  }

  private static Bytes legacy(long v) {
    RlpWriter w = new RlpWriter().startList();
    w.writeLong(0).writeLong(1).writeLong(21_000).writeBytes(ADDRESS).writeLong(0);
    w.writeBytes(Bytes.EMPTY).writeLong(v).writeBigInteger(R).writeBigInteger(S);
    return w.endList().toBytes();
  }

  private static Bytes dynamicFee(Consumer<RlpWriter> chainId, long yParity) {
    RlpWriter w = new RlpWriter().startList();
    chainId.accept(w);
    w.writeLong(0).writeLong(1).writeLong(2).writeLong(21_000).writeBytes(ADDRESS).writeLong(0);
    w.writeBytes(Bytes.EMPTY).startList().endList();
    w.writeLong(yParity).writeBigInteger(R).writeBigInteger(S);
    return Bytes.of((byte) 2).concat(w.endList().toBytes());
  }

  private static Bytes deposit(Bytes to, long isSystemTx) {
    RlpWriter w = new RlpWriter().startList();
    w.writeBytes(Hash.ZERO.bytes()).writeBytes(ADDRESS).writeBytes(to);
    w.writeLong(0).writeLong(0).writeLong(21_000).writeLong(isSystemTx).writeBytes(Bytes.EMPTY);
    return Bytes.of((byte) 0x7e).concat(w.endList().toBytes());
  }
}
