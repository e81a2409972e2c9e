package io.paraseq.sequencer.chain;

import static io.paraseq.sequencer.chain.ChainTables.DEV_BALANCE;
import static io.paraseq.sequencer.chain.ChainTables.balance;
import static io.paraseq.sequencer.chain.ChainTables.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A block whose database transaction fails after the world state took it stops production for good:
 * the {@code producer} health component goes DOWN, the database keeps nothing of the block, and
 * proofs are no longer served from the state (it is ahead of the published head).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProducerFailStopIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.producer.block-interval", () -> "50ms");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired BlockProducer producer;
  @Autowired ProducerHealthIndicator health;
  @Autowired ChainHead head;
  @Autowired StateProofs proofs;

  @Test
  void aFailedPersistStopsProductionAndReportsDown() throws Exception {
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    // Only block 0 may exist from now on: block 1's insert fails inside its transaction.
    jdbc.execute(
        "ALTER TABLE blocks ADD CONSTRAINT test_no_more_blocks CHECK (number < 1) NOT VALID");
    Credentials dev6 = DevAccounts.credentials(6);
    Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    try {
      send(
          web3j,
          ChainTables.dynamic(
              dev6, 0, "0x00000000000000000000000000000000000000ee", BigInteger.ONE));
    } finally {
      web3j.shutdown();
    }
    for (int i = 0; i < 200 && producer.failure().isEmpty(); i++) {
      Thread.sleep(50);
    }

    assertThat(producer.failure()).isPresent();
    Health down = health.health();
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(String.valueOf(down.getDetails().get("error"))).contains("block 1");
    assertThat(producer.isRunning()).isFalse();
    assertThat(head.current().number()).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM blocks", Long.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM transactions", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM pool_transactions", Long.class))
        .isEqualTo(1);
    assertThat(balance(jdbc, Address.fromHex(dev6.getAddress()))).contains(DEV_BALANCE);
    // The state is ahead of the head now: no proofs are served from it.
    assertThat(proofs.prove(Address.fromHex(dev6.getAddress()), List.of(), Duration.ofSeconds(5)))
        .isEqualTo(
            new StateProofs.Outcome.Unavailable(
                "block production stopped after a failed block; restart the node"));
  }
}
