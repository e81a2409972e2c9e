package io.paraseq.protocol.tx;

import io.paraseq.protocol.crypto.CurveOrder;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid transactions of every type, for the property tests. */
final class TransactionArbitraries {

  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private TransactionArbitraries() {}

  /** Any valid transaction: legacy with and without chain id, EIP-2930, EIP-1559, deposit. */
  static Arbitrary<Transaction> transactions() {
    return Arbitraries.oneOf(
        signed(legacy()), signed(accessListTxs()), signed(dynamicFeeTxs()), deposits());
  }

  /** Any valid unsigned user transaction. */
  static Arbitrary<UnsignedTransaction> unsigned() {
    return Arbitraries.oneOf(legacy(), accessListTxs(), dynamicFeeTxs());
  }

  static Arbitrary<Transaction> signed(Arbitrary<? extends UnsignedTransaction> payloads) {
    return Combinators.combine(payloads, signatures()).as(SignedTransaction::new);
  }

  static Arbitrary<UnsignedTransaction> legacy() {
    return Combinators.combine(
            uint64(), price(), uint64(), to(), wei(), data(), chainId().optional(0.8))
        .as(LegacyTransaction::new);
  }

  static Arbitrary<UnsignedTransaction> accessListTxs() {
    return Combinators.combine(
            chainId(), uint64(), price(), uint64(), to(), wei(), data(), accessList())
        .as(AccessListTransaction::new);
  }

  static Arbitrary<UnsignedTransaction> dynamicFeeTxs() {
    Arbitrary<List<Wei>> fees =
        price().list().ofSize(2).map(pair -> pair.stream().sorted().toList());
    return Combinators.combine(
            chainId(), uint64(), fees, uint64(), to(), wei(), data(), accessList())
        .as(
            (chainId, nonce, sortedFees, gas, to, value, data, accessList) ->
                new DynamicFeeTransaction(
                    chainId,
                    nonce,
                    sortedFees.get(0),
                    sortedFees.get(1),
                    gas,
                    to,
                    value,
                    data,
                    accessList));
  }

  static Arbitrary<Transaction> deposits() {
    return Combinators.combine(
            hashes(),
            addresses(),
            addresses(),
            wei(),
            wei(),
            uint64(),
            Arbitraries.of(true, false),
            data())
        .as(DepositTransaction::new);
  }

  /** Signature values the decoder accepts: r in [1, n-1], s in [1, n/2]. */
  static Arbitrary<TransactionSignature> signatures() {
    Arbitrary<BigInteger> r =
        Arbitraries.bigIntegers()
            .between(BigInteger.ONE, CurveOrder.ORDER.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> s =
        Arbitraries.oneOf(
            Arbitraries.bigIntegers().between(BigInteger.ONE, CurveOrder.HALF_ORDER),
            Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1000)));
    return Combinators.combine(Arbitraries.integers().between(0, 1), r, s)
        .as((parity, rv, sv) -> SignatureRules.check(parity, rv, sv));
  }

  /** Any unsigned 64-bit value, biased to small ones and the edges. */
  static Arbitrary<Long> uint64() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(0, 100_000),
        Arbitraries.of(0L, 1L, 127L, 128L, Long.MAX_VALUE, Long.MIN_VALUE, -1L));
  }

  /** Any amount of wei. */
  static Arbitrary<Wei> wei() {
    return Arbitraries.oneOf(
            Arbitraries.bigIntegers().between(BigInteger.ZERO, TWO_256.subtract(BigInteger.ONE)),
            Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300)),
            Arbitraries.integers().between(0, 255).map(BigInteger.ONE::shiftLeft))
        .map(Wei::of);
  }

  /** A gas price below 2^192, so that gasLimit × price never exceeds 2^256. */
  static Arbitrary<Wei> price() {
    return Arbitraries.oneOf(
            Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE)),
            Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.valueOf(100_000_000_000L)))
        .map(Wei::of);
  }

  static Arbitrary<ChainId> chainId() {
    return Arbitraries.oneOf(
            Arbitraries.longs().between(1, ChainId.MAX),
            Arbitraries.longs().between(1, 5000),
            Arbitraries.of(1L, 3195L, ChainId.MAX))
        .map(ChainId::of);
  }

  static Arbitrary<Optional<Address>> to() {
    return addresses().optional(0.8);
  }

  static Arbitrary<Address> addresses() {
    return bytes(Address.LENGTH).map(Address::of);
  }

  static Arbitrary<Hash> hashes() {
    return bytes(Hash.LENGTH).map(Hash::of);
  }

  static Arbitrary<Bytes> data() {
    Arbitrary<Byte> mostlyZero =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just((byte) 0)),
            net.jqwik.api.Tuple.of(2, Arbitraries.bytes()));
    return mostlyZero.list().ofMaxSize(200).map(TransactionArbitraries::toBytes);
  }

  static Arbitrary<List<AccessListEntry>> accessList() {
    Arbitrary<AccessListEntry> entry =
        Combinators.combine(addresses(), hashes().list().ofMaxSize(3)).as(AccessListEntry::new);
    return entry.list().ofMaxSize(3);
  }

  private static Arbitrary<Bytes> bytes(int length) {
    return Arbitraries.bytes().array(byte[].class).ofSize(length).map(Bytes::of);
  }

  private static Bytes toBytes(List<Byte> list) {
    byte[] out = new byte[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return Bytes.of(out);
  }
}
