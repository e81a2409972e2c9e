package io.paraseq.sequencer.chain;

import static io.paraseq.sequencer.chain.ChainTables.DEV_BALANCE;
import static io.paraseq.sequencer.chain.ChainTables.ETH;
import static io.paraseq.sequencer.chain.ChainTables.FEE_RECIPIENT;
import static io.paraseq.sequencer.chain.ChainTables.awaitReceipts;
import static io.paraseq.sequencer.chain.ChainTables.balance;
import static io.paraseq.sequencer.chain.ChainTables.bytes;
import static io.paraseq.sequencer.chain.ChainTables.nonce;
import static io.paraseq.sequencer.chain.ChainTables.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.stm.BlockStmExecutor;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.config.ChainProperties;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Block production on the real application and a fresh PostgreSQL schema: EIP-1559 and legacy
 * transfers signed by web3j go in through {@code eth_sendRawTransaction} and come out in blocks,
 * read from the tables (what the producer persisted, independent of the read methods), with every
 * balance right to the wei. Every block runs through the default Block-STM executor (the sequential
 * fallback threshold is set to 0 here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlockProductionIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
    registry.add("paraseq.exec.min-parallel-txs", () -> "0"); // every block through Block-STM
    registry.add("paraseq.exec.hot-sender-fallback", () -> "false");
    registry.add("paraseq.exec.contention-fallback", () -> "false");
    registry.add("paraseq.exec.cost-rule", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChainHead head;
  @Autowired BlockExecutor executor;
  @Autowired MeterRegistry meters;

  @Test
  void theGenesisStateRootIsTheOneTheDevnetDeploysTheRollupWith() {
    byte[] stored =
        jdbc.queryForObject("SELECT state_root FROM blocks WHERE number = 0", byte[].class);
    assertThat(Bytes.of(stored))
        .isEqualTo(GenesisStateRoot.of(ChainProperties.withId(3195)).bytes());
  }

  @Test
  void transfersAreIncludedOnceInNonceOrderWithExactBalances() throws Exception {
    Credentials dynamicSender = DevAccounts.credentials(3);
    Credentials legacySender = DevAccounts.credentials(4);
    String recipient = "0x00000000000000000000000000000000000c0ffe";
    Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    List<String> dynamicHashes = new ArrayList<>();
    List<String> legacyHashes = new ArrayList<>();
    BigInteger sentValue = BigInteger.ZERO;
    try {
      for (int nonce = 0; nonce < 4; nonce++) {
        BigInteger value = ETH.add(BigInteger.valueOf(nonce));
        sentValue = sentValue.add(value);
        dynamicHashes.add(send(web3j, ChainTables.dynamic(dynamicSender, nonce, recipient, value)));
        BigInteger small = BigInteger.valueOf(1_000 + nonce);
        sentValue = sentValue.add(small);
        legacyHashes.add(send(web3j, ChainTables.legacy(legacySender, nonce, recipient, small)));
      }
    } finally {
      web3j.shutdown();
    }
    List<String> all = new ArrayList<>(dynamicHashes);
    all.addAll(legacyHashes);
    awaitReceipts(jdbc, all, Duration.ofSeconds(30));

    assertIncludedOnceInNonceOrder(dynamicHashes, Address.fromHex(dynamicSender.getAddress()));
    assertIncludedOnceInNonceOrder(legacyHashes, Address.fromHex(legacySender.getAddress()));
    BigInteger dynamicCost = assertSenderPaid(dynamicHashes, dynamicSender);
    BigInteger legacyCost = assertSenderPaid(legacyHashes, legacySender);
    assertThat(balance(jdbc, Address.fromHex(recipient))).contains(sentValue);
    assertThat(balance(jdbc, FEE_RECIPIENT)).contains(fees(dynamicHashes).add(fees(legacyHashes)));
    assertThat(dynamicCost.add(legacyCost))
        .isEqualTo(sentValue.add(fees(dynamicHashes)).add(fees(legacyHashes)));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM pool_transactions", Long.class)).isZero();
    assertChainLinksAndHashes();
    // the producer ran those blocks with Block-STM, the default executor
    assertThat(executor).isInstanceOf(BlockStmExecutor.class);
    assertThat(meters.get("paraseq.exec.parallel").counter().count()).isPositive();
    assertThat(meters.get("paraseq.exec.sequential").counter().count()).isZero();
  }

  private void assertIncludedOnceInNonceOrder(List<String> hashes, Address sender) {
    for (String hash : hashes) {
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM transactions WHERE hash = ?", Long.class, bytes(hash)))
          .isEqualTo(1);
    }
    List<Long> nonces =
        jdbc.queryForList(
            "SELECT nonce FROM transactions WHERE sender = ? ORDER BY block_number, tx_index",
            Long.class,
            sender.bytes().toArray());
    assertThat(nonces).containsExactly(0L, 1L, 2L, 3L);
  }

  /** Balance = 10,000 ETH − Σ(value + gasUsed × effectiveGasPrice); returns what was paid. */
  private BigInteger assertSenderPaid(List<String> hashes, Credentials sender) {
    BigInteger paid = BigInteger.ZERO;
    for (String hash : hashes) {
      Map<String, Object> row =
          jdbc.queryForMap(
              "SELECT value, gas_used, effective_gas_price, status FROM transactions"
                  + " WHERE hash = ?",
              bytes(hash));
      assertThat(((Number) row.get("status")).intValue()).isEqualTo(1);
      assertThat(((Number) row.get("gas_used")).longValue()).isEqualTo(21_000);
      paid =
          paid.add(((BigDecimal) row.get("value")).toBigIntegerExact())
              .add(
                  BigInteger.valueOf(((Number) row.get("gas_used")).longValue())
                      .multiply(((BigDecimal) row.get("effective_gas_price")).toBigIntegerExact()));
    }
    Address address = Address.fromHex(sender.getAddress());
    assertThat(balance(jdbc, address)).contains(DEV_BALANCE.subtract(paid));
    assertThat(nonce(jdbc, address)).isEqualTo(4);
    return paid;
  }

  private BigInteger fees(List<String> hashes) {
    BigInteger fees = BigInteger.ZERO;
    for (String hash : hashes) {
      Map<String, Object> row =
          jdbc.queryForMap(
              "SELECT gas_used, effective_gas_price FROM transactions WHERE hash = ?", bytes(hash));
      fees =
          fees.add(
              BigInteger.valueOf(((Number) row.get("gas_used")).longValue())
                  .multiply(((BigDecimal) row.get("effective_gas_price")).toBigIntegerExact()));
    }
    return fees;
  }

  private void assertChainLinksAndHashes() {
    List<Map<String, Object>> blocks =
        jdbc.queryForList(
            "SELECT number, hash, parent_hash, state_root, header_rlp FROM blocks ORDER BY number");
    assertThat(blocks.size()).isGreaterThan(1);
    byte[] previous = null;
    for (Map<String, Object> block : blocks) {
      byte[] hash = (byte[]) block.get("hash");
      byte[] rlp = (byte[]) block.get("header_rlp");
      assertThat(Hash.keccak(Bytes.of(rlp)).bytes().toArray()).isEqualTo(hash);
      BlockHeader header = BlockHeader.decode(Bytes.of(rlp)).orElseThrow();
      assertThat(header.number()).isEqualTo(((Number) block.get("number")).longValue());
      if (previous != null) {
        assertThat((byte[]) block.get("parent_hash")).isEqualTo(previous);
      }
      previous = hash;
    }
    BlockHeader last =
        BlockHeader.decode(Bytes.of((byte[]) blocks.getLast().get("header_rlp"))).orElseThrow();
    assertThat(ChainTables.rebuiltRoot(jdbc)).isEqualTo(last.stateRoot());
    assertThat(head.current()).isEqualTo(last);
  }
}
