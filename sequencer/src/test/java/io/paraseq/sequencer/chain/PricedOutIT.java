package io.paraseq.sequencer.chain;

import static io.paraseq.sequencer.chain.ChainTables.awaitReceipts;
import static io.paraseq.sequencer.chain.ChainTables.bytes;
import static io.paraseq.sequencer.chain.ChainTables.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
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
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A pending transaction whose fee cap is below the base fee is not stuck: with empty blocks off,
 * the producer still seals empty blocks while only priced-out transactions are pending, each one
 * lowering the base fee by 1/8 (EIP-1559, gas used below the target), until the transaction fits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PricedOutIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.producer.block-interval", () -> "50ms");
    registry.add("paraseq.chain.initial-base-fee", () -> GWEI.shiftLeft(4).toString()); // 16 gwei
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aTransactionPricedOutByTheBaseFeeIsIncludedOnceEmptyBlocksHaveLoweredIt() throws Exception {
    // Fee cap 2 gwei against a base fee of 16 gwei: the pool takes it, no block can include it yet.
    String raw =
        ChainTables.dynamic(
            DevAccounts.credentials(5), 0, "0x00000000000000000000000000000000000bee01", GWEI);
    Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    String hash;
    try {
      hash = send(web3j, raw);
    } finally {
      web3j.shutdown();
    }
    awaitReceipts(jdbc, List.of(hash), Duration.ofSeconds(30));

    long included =
        jdbc.queryForObject(
            "SELECT block_number FROM transactions WHERE hash = ?", Long.class, bytes(hash));
    List<Map<String, Object>> blocks =
        jdbc.queryForList(
            "SELECT number, base_fee_per_gas, tx_count FROM blocks WHERE number BETWEEN 1 AND ?"
                + " ORDER BY number",
            included);
    // 16 gwei × (7/8)^n ≤ 2 gwei first at n = 16: fifteen empty blocks, then the transaction.
    assertThat(included).isEqualTo(16);
    BigInteger expected = GWEI.shiftLeft(4);
    for (Map<String, Object> block : blocks) {
      expected = expected.subtract(expected.divide(BigInteger.valueOf(8)));
      assertThat(((BigDecimal) block.get("base_fee_per_gas")).toBigIntegerExact())
          .as("base fee of block %s", block.get("number"))
          .isEqualTo(expected);
      int txCount = ((Number) block.get("tx_count")).intValue();
      assertThat(txCount).isEqualTo(((Number) block.get("number")).longValue() == included ? 1 : 0);
    }
    assertThat(expected).isLessThanOrEqualTo(GWEI.shiftLeft(1));
  }
}
