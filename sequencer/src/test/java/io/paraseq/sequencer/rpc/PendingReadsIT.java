package io.paraseq.sequencer.rpc;

import static io.paraseq.sequencer.rpc.ReadClient.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.db.testing.PostgresFixture;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * Reads while nothing is produced ({@code paraseq.producer.enabled=false}): the chain stays at
 * genesis, and accepted transactions — executable and queued (nonce gap) — are found pending in the
 * pool, without block fields and without a receipt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PendingReadsIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.producer.enabled", () -> "false");
  }

  @LocalServerPort int port;
  private ReadClient client;

  @BeforeEach
  void client() {
    client = new ReadClient(port);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void acceptedTransactionsArePendingWithoutBlockFieldsOrReceipts() throws Exception {
    String executable = client.send(ReadClient.dynamic(1, 0));
    String queued = client.send(ReadClient.dynamic(1, 5));
    for (String hash : new String[] {executable, queued}) {
      Transaction tx =
          client.web3j.ethGetTransactionByHash(hash).send().getTransaction().orElseThrow();
      assertThat(tx.getHash()).isEqualTo(hash);
      assertThat(tx.getFrom()).isEqualTo(ReadClient.credentials(1).getAddress());
      assertThat(tx.getGasPrice()).isEqualTo(GWEI.shiftLeft(1)); // the fee cap while pending
      assertThat(tx.getMaxFeePerGas()).isEqualTo(GWEI.shiftLeft(1));
      JsonNode raw = client.result("eth_getTransactionByHash", "\"" + hash + "\"");
      assertThat(raw.get("blockHash").isNull()).isTrue();
      assertThat(raw.get("blockNumber").isNull()).isTrue();
      assertThat(raw.get("transactionIndex").isNull()).isTrue();
      assertThat(client.result("eth_getTransactionReceipt", "\"" + hash + "\"").isNull()).isTrue();
    }
    Transaction gap =
        client.web3j.ethGetTransactionByHash(queued).send().getTransaction().orElseThrow();
    assertThat(gap.getNonce()).isEqualTo(BigInteger.valueOf(5));
  }

  @Test
  void theChainIsItsGenesisUnderEveryName() throws Exception {
    assertThat(client.web3j.ethBlockNumber().send().getBlockNumber()).isZero();
    EthBlock.Block genesis =
        client.web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, true).send().getBlock();
    assertThat(genesis.getNumber()).isZero();
    assertThat(genesis.getTransactions()).isEmpty();
    assertThat(genesis.getParentHash()).isEqualTo("0x" + "00".repeat(32));
    assertThat(genesis.getBaseFeePerGas()).isEqualTo(GWEI);
    for (String tag : new String[] {"pending", "safe", "finalized", "earliest", "0x0"}) {
      assertThat(
              client.result("eth_getBlockByNumber", "\"" + tag + "\",false").get("hash").asString())
          .isEqualTo(genesis.getHash());
    }
    assertThat(client.result("eth_getBlockByNumber", "\"0x1\",false").isNull()).isTrue();
    assertThat(client.result("eth_getBlockTransactionCountByNumber", "\"latest\"").asString())
        .isEqualTo("0x0");

    EthFeeHistory.FeeHistory history =
        client
            .web3j
            .ethFeeHistory(10, DefaultBlockParameterName.LATEST, List.of(50.0))
            .send()
            .getFeeHistory();
    assertThat(history.getOldestBlock()).isZero();
    // An empty genesis: the next base fee falls by 1/8.
    assertThat(history.getBaseFeePerGas()).containsExactly(GWEI, GWEI.subtract(GWEI.shiftRight(3)));
    assertThat(history.getGasUsedRatio()).containsExactly(0.0);
    assertThat(history.getReward()).containsExactly(List.of(BigInteger.ZERO));
    assertThat(client.web3j.ethGasPrice().send().getGasPrice())
        .isEqualTo(GWEI.subtract(GWEI.shiftRight(3)).add(BigInteger.valueOf(1_000_000)));
  }
}
