package io.paraseq.sequencer.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.OrderedRoots;
import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.ExecutedTransaction;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.TestHeads;
import io.paraseq.sequencer.pool.PooledTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ChainQueries} on real PostgreSQL, over blocks written by {@link ChainStore} as the
 * producer writes them: three transaction types, blocks read with hashes or full transactions
 * (their size equal to the real encoding's length), transactions included or pending in the pool
 * table, receipts with logs, and the log filter's range, address and topic rules. Transfers emit no
 * logs today, so the logs are added to the receipts of blocks 2 and 3 (the blocks stay consistent:
 * their receipts root and bloom are computed from them).
 */
class ChainQueriesIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  private static final Address TO = Address.fromHex("0x000000000000000000000000000000000000beef");
  private static final Address A1 = Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address A2 = Address.fromHex("0x00000000000000000000000000000000000000a2");
  private static final Hash T1 = topic(1);
  private static final Hash T2 = topic(2);
  private static final Hash T3 = topic(3);
  private static final Hash T4 = topic(4);
  private static final Log LA = new Log(A1, List.of(T1, T2), Bytes.of((byte) 1));
  private static final Log LB = new Log(A2, List.of(T1), Bytes.EMPTY);
  private static final Log LC = new Log(A1, List.of(T3, T2, T4), Bytes.of((byte) 2, (byte) 3));
  private static final Log LD = new Log(A2, List.of(), Bytes.EMPTY);
  private static final long GWEI = 1_000_000_000L;

  private static ChainQueries queries;
  private static StoredChain chain;
  private static SealedBlock one;
  private static SealedBlock two;
  private static SealedBlock three;

  @BeforeAll
  static void chain() {
    queries = new ChainQueries(db.dataSource());
    chain = new StoredChain(db.dataSource());
    one =
        chain.append(
            List.of(
                StoredChain.signed(0, dynamic(0)),
                StoredChain.signed(
                    1,
                    new LegacyTransaction(
                        0,
                        Wei.of(3 * GWEI / 2),
                        21_000,
                        Optional.of(TO),
                        Wei.of(5),
                        Bytes.EMPTY,
                        Optional.of(TestHeads.CONFIG.chainId()))),
                StoredChain.signed(
                    2,
                    new AccessListTransaction(
                        TestHeads.CONFIG.chainId(),
                        0,
                        Wei.of(6 * GWEI / 5),
                        30_000,
                        Optional.of(TO),
                        Wei.of(6),
                        Bytes.EMPTY,
                        List.of(new AccessListEntry(A1, List.of(T1)))))));
    two =
        chain.append(
            List.of(
                StoredChain.signed(0, dynamic(1)),
                StoredChain.signed(3, dynamic(0)),
                StoredChain.signed(4, dynamic(0))),
            Map.of(0, List.of(LA, LB), 1, List.of(LC)));
    three = chain.append(List.of(StoredChain.signed(5, dynamic(0))), Map.of(0, List.of(LD, LA)));
  }

  @Test
  void blocksWithHashesOrTransactionsAndTheirEncodedSize() {
    for (int number = 0; number <= 3; number++) {
      Block block = chain.block(number);
      BlockSummary summary = queries.blockSummary(number).orElseThrow();
      assertThat(summary.header()).isEqualTo(block.header());
      assertThat(summary.size()).isEqualTo(block.encoded().length());
      assertThat(summary.transactionHashes())
          .isEqualTo(block.transactions().stream().map(t -> t.hash()).toList());
      FullBlock full = queries.fullBlock(number).orElseThrow();
      assertThat(full.size()).isEqualTo(summary.size());
      assertThat(full.transactions().stream().map(ChainTransaction::transaction).toList())
          .isEqualTo(block.transactions());
      assertThat(queries.transactionCount(number)).contains(block.transactions().size());
      assertThat(queries.blockNumber(block.hash())).contains((long) number);
      assertThat(queries.header(number)).contains(block.header());
    }
    FullBlock full = queries.fullBlock(1).orElseThrow();
    for (int i = 0; i < 3; i++) {
      ExecutedTransaction executed = one.included().get(i);
      ChainTransaction tx = full.transactions().get(i);
      assertThat(tx.hash()).isEqualTo(executed.transaction().hash());
      assertThat(tx.sender()).isEqualTo(executed.transaction().sender());
      assertThat(tx.location())
          .contains(
              new TransactionLocation(
                  one.block().hash(), 1, i, one.block().header().baseFeePerGas()));
    }
    assertThat(queries.blockSummary(4)).isEmpty();
    assertThat(queries.fullBlock(4)).isEmpty();
    assertThat(queries.transactionCount(4)).isEmpty();
    assertThat(queries.blockNumber(T1)).isEmpty();
  }

  @Test
  void transactionsAreFoundIncludedOrPendingInThePool() {
    ExecutedTransaction legacy = one.included().get(1);
    ChainTransaction included = queries.transaction(legacy.transaction().hash()).orElseThrow();
    assertThat(included.transaction()).isEqualTo(legacy.transaction().transaction());
    assertThat(included.sender()).isEqualTo(legacy.transaction().sender());
    assertThat(included.isPending()).isFalse();
    assertThat(included.location())
        .contains(
            new TransactionLocation(
                one.block().hash(), 1, 1, one.block().header().baseFeePerGas()));

    VerifiedTransaction waiting = StoredChain.signed(6, dynamic(0));
    new PoolStore(db.dataSource())
        .apply(new PoolWrite(List.of(), List.of(PooledTransaction.of(waiting, 1, Instant.now()))));
    ChainTransaction pending = queries.transaction(waiting.hash()).orElseThrow();
    assertThat(pending.isPending()).isTrue();
    assertThat(pending.transaction()).isEqualTo(waiting.transaction());
    assertThat(pending.sender()).isEqualTo(waiting.sender());
    assertThat(queries.receipt(waiting.hash())).isEmpty();

    assertThat(queries.transaction(T1)).isEmpty();
    assertThat(queries.receipt(T1)).isEmpty();
  }

  @Test
  void receiptsCarryTheColumnsAndTheirLogsWithBlockWideIndexes() {
    ExecutedTransaction second = two.included().get(1);
    ChainReceipt receipt = queries.receipt(second.transaction().hash()).orElseThrow();
    assertThat(receipt.transactionHash()).isEqualTo(second.transaction().hash());
    assertThat(receipt.location())
        .isEqualTo(
            new TransactionLocation(
                two.block().hash(), 2, 1, two.block().header().baseFeePerGas()));
    assertThat(receipt.type()).isEqualTo(TransactionType.DYNAMIC_FEE);
    assertThat(receipt.from()).isEqualTo(second.transaction().sender());
    assertThat(receipt.to()).contains(TO);
    assertThat(receipt.contractAddress()).isEmpty();
    assertThat(receipt.status()).isEqualTo(ReceiptStatus.SUCCESS);
    assertThat(receipt.gasUsed()).isEqualTo(21_000);
    assertThat(receipt.cumulativeGasUsed()).isEqualTo(42_000);
    assertThat(receipt.effectiveGasPrice()).isEqualTo(second.effectiveGasPrice());
    assertThat(receipt.l1Fee()).isEqualTo(second.l1Fee());
    assertThat(receipt.l1Fee().value()).isPositive();
    assertThat(receipt.logsBloom()).isEqualTo(second.receipt().logsBloom());
    assertThat(receipt.logs())
        .containsExactly(
            new ChainLog(
                LC,
                two.block().hash(),
                2,
                two.block().header().timestamp(),
                second.transaction().hash(),
                1,
                2));

    ChainReceipt first = queries.receipt(two.included().get(0).transaction().hash()).orElseThrow();
    assertThat(first.logs()).extracting(ChainLog::log).containsExactly(LA, LB);
    assertThat(first.logs()).extracting(ChainLog::logIndex).containsExactly(0, 1);
    ChainReceipt accessList =
        queries.receipt(one.included().get(2).transaction().hash()).orElseThrow();
    assertThat(accessList.type()).isEqualTo(TransactionType.ACCESS_LIST);
    assertThat(accessList.gasUsed()).isEqualTo(21_000 + 2_400 + 1_900);
    assertThat(accessList.logs()).isEmpty();
  }

  /**
   * Receipt rows keep no bloom and no consensus encoding (V3): what is read back must rebuild each
   * receipt exactly, so the blocks' receipts roots and blooms follow from the database alone.
   */
  @Test
  void storedReceiptsRebuildTheReceiptsRootAndTheBlooms() {
    for (SealedBlock sealed : List.of(one, two, three)) {
      List<Receipt> rebuilt =
          sealed.included().stream()
              .map(tx -> queries.receipt(tx.transaction().hash()).orElseThrow())
              .map(
                  r ->
                      Receipt.of(
                          r.type(),
                          r.status(),
                          r.cumulativeGasUsed(),
                          r.logs().stream().map(ChainLog::log).toList()))
              .toList();
      assertThat(rebuilt)
          .isEqualTo(sealed.included().stream().map(ExecutedTransaction::receipt).toList());
      assertThat(OrderedRoots.receiptsRoot(rebuilt))
          .isEqualTo(sealed.block().header().receiptsRoot());
      assertThat(rebuilt.stream().map(Receipt::logsBloom).reduce(LogsBloom.EMPTY, LogsBloom::or))
          .isEqualTo(sealed.block().header().logsBloom());
    }
    assertThat(two.included().stream().mapToInt(tx -> tx.receipt().logs().size()).sum())
        .isEqualTo(3);
  }

  @Test
  void logFiltersMatchRangeAddressesAndTopicsWithWildcards() {
    assertThat(logs(0, 3, List.of(), List.of())).containsExactly("2:0", "2:1", "2:2", "3:0", "3:1");
    assertThat(logs(3, 3, List.of(), List.of())).containsExactly("3:0", "3:1");
    assertThat(logs(0, 1, List.of(), List.of())).isEmpty();
    assertThat(logs(0, 3, List.of(A1), List.of())).containsExactly("2:0", "2:2", "3:1");
    assertThat(logs(0, 3, List.of(A1, A2), List.of(List.of(T1))))
        .containsExactly("2:0", "2:1", "3:1");
    assertThat(logs(0, 3, List.of(), List.of(List.of(), List.of(T2))))
        .containsExactly("2:0", "2:2", "3:1");
    assertThat(logs(0, 3, List.of(), List.of(List.of(T3, T1), List.of(T2))))
        .containsExactly("2:0", "2:2", "3:1");
    // A wildcard position matches a log without a topic there; a required one does not.
    assertThat(logs(0, 3, List.of(), List.of(List.of(T1), List.of(), List.of())))
        .containsExactly("2:0", "2:1", "3:1");
    assertThat(logs(0, 3, List.of(), List.of(List.of(), List.of(), List.of(T4))))
        .containsExactly("2:2");
    assertThat(logs(0, 3, List.of(A2), List.of(List.of(T2)))).isEmpty();

    List<ChainLog> limited = queries.logs(new LogFilter(0, 3, List.of(), List.of()), 2);
    assertThat(limited).hasSize(2);
    ChainLog last = queries.logs(new LogFilter(3, 3, List.of(A1), List.of()), 10).getFirst();
    assertThat(last)
        .isEqualTo(
            new ChainLog(
                LA,
                three.block().hash(),
                3,
                three.block().header().timestamp(),
                three.included().getFirst().transaction().hash(),
                0,
                1));
  }

  @Test
  void headersAndTipsForFeeStatistics() {
    assertThat(queries.headers(1, 3))
        .containsExactly(one.block().header(), two.block().header(), three.block().header());
    Wei baseFee = one.block().header().baseFeePerGas();
    assertThat(queries.tips(1, 1))
        .containsExactly(
            new TransactionTip(1, 21_000, Wei.of(GWEI)),
            new TransactionTip(1, 21_000, minus(Wei.of(3 * GWEI / 2), baseFee)),
            new TransactionTip(1, 25_300, minus(Wei.of(6 * GWEI / 5), baseFee)));
    assertThat(queries.tips(2, 3)).hasSize(4);
  }

  private static List<String> logs(
      long from, long to, List<Address> addresses, List<List<Hash>> topics) {
    return queries.logs(new LogFilter(from, to, addresses, topics), 100).stream()
        .map(l -> l.blockNumber() + ":" + l.logIndex())
        .toList();
  }

  /** An EIP-1559 transfer of 1 wei at 2 gwei fee cap and 1 gwei tip. */
  private static DynamicFeeTransaction dynamic(long nonce) {
    return new DynamicFeeTransaction(
        TestHeads.CONFIG.chainId(),
        nonce,
        Wei.of(GWEI),
        Wei.of(2 * GWEI),
        21_000,
        Optional.of(TO),
        Wei.of(1),
        Bytes.EMPTY,
        List.of());
  }

  private static Wei minus(Wei a, Wei b) {
    return Wei.of(a.value().subtract(b.value()));
  }

  private static Hash topic(int n) {
    byte[] bytes = new byte[32];
    bytes[31] = (byte) n;
    return Hash.of(Bytes.of(bytes));
  }
}
