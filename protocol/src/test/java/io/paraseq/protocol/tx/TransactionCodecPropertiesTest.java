package io.paraseq.protocol.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.crypto.Secp256k1;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round-trip, signing and mutation properties of the transaction codec, over every type. */
class TransactionCodecPropertiesTest {

  @Property
  void decodingAnEncodingGivesTheTransactionAndTheSameBytesBack(
      @ForAll("transactions") Transaction tx) {
    Bytes encoded = TransactionEncoder.encode(tx);
    Transaction decoded = TransactionDecoder.decode(encoded).orElseThrow();
    assertThat(decoded).isEqualTo(tx);
    assertThat(TransactionEncoder.encode(decoded)).isEqualTo(encoded);
    assertThat(decoded.hash()).isEqualTo(tx.hash());
  }

  @Property(tries = 200)
  void signingThenRecoveringGivesTheSignersAddress(
      @ForAll("unsigned") UnsignedTransaction tx, @ForAll("keys") PrivateKey key) {
    SignedTransaction signed = TransactionSigner.sign(tx, key);
    Transaction decoded = TransactionDecoder.decode(signed.encoded()).orElseThrow();
    assertThat(decoded).isEqualTo(signed);
    assertThat(TransactionSigner.sender(decoded).orElseThrow()).isEqualTo(addressOf(key));
  }

  @Property(tries = 300)
  void mutatingAnyByteOfASignedTransactionIsRejectedOrChangesHashAndSender(
      @ForAll("unsigned") UnsignedTransaction tx,
      @ForAll("keys") PrivateKey key,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int delta) {
    SignedTransaction signed = TransactionSigner.sign(tx, key);
    byte[] mutated = signed.encoded().toArray();
    int index = position % mutated.length;
    mutated[index] = (byte) (mutated[index] + delta);
    TransactionResult<Transaction> result = TransactionDecoder.decode(mutated);
    if (result.valueIfValid().isEmpty()) {
      return;
    }
    Transaction other = result.orElseThrow();
    assertThat(other.hash()).isNotEqualTo(signed.hash());
    Optional<Address> sender = TransactionSigner.sender(other).valueIfValid();
    assertThat(sender).isNotEqualTo(Optional.of(addressOf(key)));
  }

  @Property(tries = 2000)
  void arbitraryBytesGiveAResultNeverAnException(@ForAll("noise") byte[] input) {
    TransactionResult<Transaction> result = TransactionDecoder.decode(input);
    result.valueIfValid().ifPresent(tx -> assertThat(tx.encoded()).isEqualTo(Bytes.of(input)));
  }

  @Property(tries = 500)
  void truncatedEncodingsAreRejected(
      @ForAll("transactions") Transaction tx, @ForAll @IntRange(min = 1, max = 10_000) int cut) {
    byte[] encoded = tx.encoded().toArray();
    int length = encoded.length - 1 - (cut % encoded.length);
    byte[] truncated = java.util.Arrays.copyOf(encoded, length);
    assertThat(TransactionDecoder.decode(truncated).isValid()).isFalse();
  }

  @Provide
  Arbitrary<Transaction> transactions() {
    return TransactionArbitraries.transactions();
  }

  @Provide
  Arbitrary<UnsignedTransaction> unsigned() {
    return TransactionArbitraries.unsigned();
  }

  @Provide
  Arbitrary<PrivateKey> keys() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(32)
        .map(PrivateKey::of)
        .filter(result -> result.isOk())
        .map(result -> result.orElseThrow());
  }

  /** Random bytes, and random bytes behind each type byte and legacy list headers. */
  @Provide
  Arbitrary<byte[]> noise() {
    Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(160);
    Arbitrary<Byte> lead = Arbitraries.of((byte) 0x01, (byte) 0x02, (byte) 0x7e, (byte) 0xf8);
    Arbitrary<byte[]> prefixed =
        net.jqwik.api.Combinators.combine(lead, body)
            .as(
                (first, rest) -> {
                  byte[] out = new byte[rest.length + 1];
                  out[0] = first;
                  System.arraycopy(rest, 0, out, 1, rest.length);
                  return out;
                });
    return Arbitraries.oneOf(body, prefixed);
  }

  private static Address addressOf(PrivateKey key) {
    return Address.of(Bytes.of(Secp256k1.address(Secp256k1.get().publicKey(key))));
  }
}
