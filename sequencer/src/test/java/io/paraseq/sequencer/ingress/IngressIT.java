package io.paraseq.sequencer.ingress;

import static io.paraseq.sequencer.ingress.Web3jTransactions.ETH;
import static io.paraseq.sequencer.ingress.Web3jTransactions.GWEI;
import static io.paraseq.sequencer.ingress.Web3jTransactions.dynamic;
import static io.paraseq.sequencer.ingress.Web3jTransactions.hashOf;
import static io.paraseq.sequencer.ingress.Web3jTransactions.legacy;
import static io.paraseq.sequencer.ingress.Web3jTransactions.send;
import static io.paraseq.sequencer.ingress.Web3jTransactions.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.pool.AccountState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.http.HttpService;

/**
 * {@code eth_sendRawTransaction} on the real application and a fresh PostgreSQL schema, with
 * transactions signed by web3j from the funded development accounts: the hash comes back only once
 * the row is committed; every refusal has geth's code and text; concurrent senders lose nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngressIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    // These tests look at the pool: transactions must stay there, not go into blocks.
    registry.add("paraseq.producer.enabled", () -> "false");
  }

  /**
   * Accounts the tests can set (a nonce of 5, extra funded senders) instead of the world state,
   * which only blocks change.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class SettableAccounts {
    @Bean
    @Primary
    GenesisAccounts genesisAccounts() {
      return GenesisAccounts.devAccounts();
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired GenesisAccounts genesis;
  @Autowired IngressService ingress;
  @Autowired MeterRegistry meters;

  private Web3j web3j;

  @BeforeEach
  void client() {
    web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
  }

  @AfterEach
  void close() {
    web3j.shutdown();
  }

  @Test
  void theGenesisFundsTheTenDevelopmentAccounts() {
    List<Address> expected =
        DevAccounts.all().stream().map(c -> Address.fromHex(c.getAddress())).toList();
    assertThat(io.paraseq.protocol.chain.DevAccounts.ADDRESSES).containsExactlyElementsOf(expected);
    expected.forEach(
        a -> assertThat(genesis.account(a)).isEqualTo(new AccountState(0, BigInteger.TEN.pow(22))));
  }

  @Test
  void returnsTheHashOnlyAfterTheRowIsCommitted() {
    Credentials dev0 = DevAccounts.credentials(0);
    String raw = transfer(dev0, 0);
    EthSendTransaction sent = send(web3j, raw);
    assertThat(sent.hasError()).as("%s", sent.getError()).isFalse();
    assertThat(sent.getTransactionHash()).isEqualTo(hashOf(raw));
    // Read on another connection right after the answer: the commit happened before it.
    List<String> rows =
        jdbc.queryForList(
            "SELECT '0x' || encode(sender, 'hex') FROM pool_transactions WHERE hash = ?",
            String.class,
            HexFormat.of().parseHex(hashOf(raw).substring(2)));
    assertThat(rows).containsExactly(dev0.getAddress().toLowerCase());
  }

  @Test
  void refusesWithGethsCodesAndTexts() {
    Credentials dev1 = DevAccounts.credentials(1);
    String first = transfer(dev1, 0);
    assertThat(send(web3j, first).hasError()).isFalse();

    assertError(send(web3j, first), -32000, "already known");
    String underpriced =
        dynamic(dev1, 0, 21_000, BigInteger.TWO, GWEI, GWEI.shiftLeft(1).add(BigInteger.ONE));
    assertError(send(web3j, underpriced), -32000, "replacement transaction underpriced");
    String tooExpensive =
        dynamic(dev1, 1, 21_000, ETH.multiply(BigInteger.valueOf(20_000)), GWEI, GWEI);
    assertError(
        send(web3j, tooExpensive), -32000, "insufficient funds for gas * price + value: balance ");
    String lowGas = dynamic(dev1, 1, 20_999, BigInteger.ONE, GWEI, GWEI);
    assertError(
        send(web3j, lowGas), -32000, "intrinsic gas too low: gas 20999, minimum needed 21000");
    assertError(
        send(web3j, legacy(dev1, 1, 1)), -32000, "invalid chain id for signer: have 1 want 3195");
    assertError(send(web3j, "0x03c0"), -32000, "transaction type not supported");
    assertError(send(web3j, "0x04c0"), -32000, "transaction type not supported");
    String oversized = "0x02" + "00".repeat(128 * 1024);
    assertError(
        send(web3j, oversized), -32000, "oversized data: transaction size 131073, limit 131072");

    Credentials dev9 = DevAccounts.credentials(9);
    genesis.set(Address.fromHex(dev9.getAddress()), new AccountState(5, BigInteger.TEN.pow(22)));
    assertError(send(web3j, transfer(dev9, 3)), -32000, "nonce too low: next nonce 5, tx nonce 3");

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM pool_transactions WHERE sender = ?",
                Long.class,
                HexFormat.of().parseHex(dev1.getAddress().substring(2))))
        .isEqualTo(1);
  }

  @Test
  void concurrentSendersLoseNothing() throws Exception {
    int senders = 20;
    int perSender = 80;
    int threads = 8;
    List<Credentials> keys = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      Credentials c =
          Credentials.create("0x" + String.format("%064x", BigInteger.valueOf(0xC0FFEE00L + i)));
      genesis.set(Address.fromHex(c.getAddress()), new AccountState(0, BigInteger.TEN.pow(22)));
      keys.add(c);
    }
    double batchesBefore = batchSize().count();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int nonce = 0; nonce < perSender; nonce++) {
                    for (int s = thread; s < senders; s += threads) {
                      String raw = transfer(keys.get(s), nonce);
                      EthSendTransaction sent = send(web3j, raw);
                      assertThat(sent.hasError()).as("%s", sent.getError()).isFalse();
                      acknowledged.add(sent.getTransactionHash());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(acknowledged).hasSize(senders * perSender);
    List<String> stored =
        jdbc.queryForList(
            "SELECT '0x' || encode(hash, 'hex') FROM pool_transactions", String.class);
    assertThat(stored).doesNotHaveDuplicates().containsAll(acknowledged);
    for (Credentials c : keys) {
      long next =
          ingress
              .readPool(pool -> pool.pendingNonce(Address.fromHex(c.getAddress()), 0))
              .get(10, TimeUnit.SECONDS);
      assertThat(next).isEqualTo(perSender);
    }
    DistributionSummary batches = batchSize();
    Timer commit = meters.get("paraseq.ingress.commit").timer();
    System.out.printf(
        "ingress concurrency: txs=%d ms=%d batches=%.0f meanBatch=%.2f maxBatch=%.0f"
            + " commitMeanMs=%.2f commitMaxMs=%.2f%n",
        acknowledged.size(),
        ms,
        batches.count() - batchesBefore,
        batches.mean(),
        batches.max(),
        commit.mean(TimeUnit.MILLISECONDS),
        commit.max(TimeUnit.MILLISECONDS));
  }

  private DistributionSummary batchSize() {
    return meters.get("paraseq.ingress.batch.size").summary();
  }

  private static void assertError(EthSendTransaction sent, int code, String messagePrefix) {
    assertThat(sent.hasError()).as("expected an error starting with %s", messagePrefix).isTrue();
    assertThat(sent.getError().getCode()).isEqualTo(code);
    assertThat(sent.getError().getMessage()).startsWith(messagePrefix);
  }
}
