package io.paraseq.protocol.block;

import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random headers, logs, receipts and blocks for the property tests. */
final class BlockArbitraries {

  private BlockArbitraries() {}

  static Arbitrary<Bytes> bytes(int minLength, int maxLength) {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMinSize(minLength)
        .ofMaxSize(maxLength)
        .map(Bytes::of);
  }

  static Arbitrary<Hash> hashes() {
    return Arbitraries.oneOf(
        bytes(32, 32).map(Hash::of), Arbitraries.of(Hash.ZERO, BlockHeader.EMPTY_OMMERS_HASH));
  }

  static Arbitrary<Address> addresses() {
    return bytes(20, 20).map(Address::of);
  }

  /** Unsigned 64-bit values, with the edges (0, 2^63-1, 2^63, 2^64-1) often. */
  static Arbitrary<Long> uint64() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(0, 1_000_000),
        Arbitraries.of(0L, 1L, 127L, 128L, Long.MAX_VALUE, Long.MIN_VALUE, -1L));
  }

  static Arbitrary<Wei> wei() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, Wei.MAX.value()).map(Wei::of),
        Arbitraries.longs().between(0, 1_000_000_000_000L).map(Wei::of),
        Arbitraries.of(Wei.ZERO, Wei.MAX));
  }

  static Arbitrary<Log> logs() {
    return Combinators.combine(addresses(), hashes().list().ofMaxSize(Log.MAX_TOPICS), bytes(0, 80))
        .as(Log::new);
  }

  static Arbitrary<LogsBloom> blooms() {
    return logs().list().ofMaxSize(4).map(LogsBloom::of);
  }

  static Arbitrary<Receipt> receipts() {
    return Combinators.combine(
            Arbitraries.of(
                TransactionType.LEGACY,
                TransactionType.ACCESS_LIST,
                TransactionType.DYNAMIC_FEE,
                TransactionType.DEPOSIT),
            Arbitraries.of(ReceiptStatus.class),
            uint64(),
            logs().list().ofMaxSize(3))
        .as(Receipt::of);
  }

  static Arbitrary<BlockHeader> headers() {
    return Combinators.combine(
            Combinators.combine(
                    hashes(), addresses(), hashes(), hashes(), hashes(), blooms(), uint64())
                .as(Prefix::new),
            gas(),
            uint64(),
            bytes(0, 32),
            hashes(),
            wei(),
            Combinators.combine(hashes(), uint64(), uint64(), hashes()).as(Suffix::new))
        .as(
            (p, gas, timestamp, extra, mix, baseFee, s) ->
                new BlockHeader(
                    p.parentHash,
                    BlockHeader.EMPTY_OMMERS_HASH,
                    p.beneficiary,
                    p.stateRoot,
                    p.transactionsRoot,
                    p.receiptsRoot,
                    p.bloom,
                    0,
                    p.number,
                    gas[0],
                    gas[1],
                    timestamp,
                    extra,
                    mix,
                    BlockHeader.ZERO_NONCE,
                    baseFee,
                    s.withdrawalsRoot,
                    s.blobGasUsed,
                    s.excessBlobGas,
                    s.parentBeaconBlockRoot));
  }

  /** A gas limit and a gas used not above it, both unsigned 64-bit. */
  static Arbitrary<long[]> gas() {
    return Combinators.combine(uint64(), uint64(), Arbitraries.integers().between(0, 3))
        .as(
            (limit, any, pick) -> {
              long used =
                  switch (pick) {
                    case 0 -> limit;
                    case 1 -> 0;
                    default -> limit == 0 ? 0 : Long.remainderUnsigned(any, limit);
                  };
              return new long[] {limit, used};
            });
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
            bytes(0, 40))
        .as(DepositTransaction::new);
  }

  /** A block of deposits whose header commits to them. */
  static Arbitrary<Block> blocks() {
    return Combinators.combine(headers(), deposits().list().ofMaxSize(5))
        .as(
            (header, txs) -> {
              BlockHeader committed =
                  new BlockHeader(
                      header.parentHash(),
                      header.ommersHash(),
                      header.beneficiary(),
                      header.stateRoot(),
                      OrderedRoots.transactionsRoot(txs),
                      header.receiptsRoot(),
                      header.logsBloom(),
                      header.difficulty(),
                      header.number(),
                      header.gasLimit(),
                      header.gasUsed(),
                      header.timestamp(),
                      header.extraData(),
                      header.mixHash(),
                      header.nonce(),
                      header.baseFeePerGas(),
                      header.withdrawalsRoot(),
                      header.blobGasUsed(),
                      header.excessBlobGas(),
                      header.parentBeaconBlockRoot());
              return new Block(committed, List.copyOf(txs));
            });
  }

  private record Prefix(
      Hash parentHash,
      Address beneficiary,
      Hash stateRoot,
      Hash transactionsRoot,
      Hash receiptsRoot,
      LogsBloom bloom,
      long number) {}

  private record Suffix(
      Hash withdrawalsRoot, long blobGasUsed, long excessBlobGas, Hash parentBeaconBlockRoot) {}
}
