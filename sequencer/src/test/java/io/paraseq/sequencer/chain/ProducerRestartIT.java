package io.paraseq.sequencer.chain;

import static io.paraseq.sequencer.chain.ChainTables.awaitReceipts;
import static io.paraseq.sequencer.chain.ChainTables.balance;
import static io.paraseq.sequencer.chain.ChainTables.nonce;
import static io.paraseq.sequencer.chain.ChainTables.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.ParaseqApplication;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The chain survives a restart: a new node on the same schema rebuilds the world state from the
 * flat tables, finds the same head, and continues with the next nonces; a node configured for
 * another chain refuses the database.
 */
class ProducerRestartIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  private static final String RECIPIENT = "0x00000000000000000000000000000000000d00d0";

  @Test
  void aNewNodeOnTheSameSchemaContinuesTheChain() throws Exception {
    Credentials dev5 = DevAccounts.credentials(5);
    Address sender = Address.fromHex(dev5.getAddress());
    BlockHeader headBefore;
    BigInteger balanceBefore;
    try (ConfigurableApplicationContext first = start()) {
      JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
      Web3j web3j = client(first);
      String a = send(web3j, ChainTables.dynamic(dev5, 0, RECIPIENT, BigInteger.TEN));
      String b = send(web3j, ChainTables.legacy(dev5, 1, RECIPIENT, BigInteger.TWO));
      web3j.shutdown();
      awaitReceipts(jdbc, List.of(a, b), Duration.ofSeconds(30));
      headBefore = awaitPublished(first, jdbc);
      balanceBefore = balance(jdbc, sender).orElseThrow();
      assertThat(nonce(jdbc, sender)).isEqualTo(2);
    }
    try (ConfigurableApplicationContext second = start()) {
      JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
      assertThat(second.getBean(ChainHead.class).current()).isEqualTo(headBefore);
      assertThat(balance(jdbc, sender)).contains(balanceBefore);
      assertThat(nonce(jdbc, sender)).isEqualTo(2);
      assertThat(balance(jdbc, Address.fromHex(RECIPIENT))).contains(BigInteger.valueOf(12));

      Web3j web3j = client(second);
      String c = send(web3j, ChainTables.dynamic(dev5, 2, RECIPIENT, BigInteger.ONE));
      web3j.shutdown();
      awaitReceipts(jdbc, List.of(c), Duration.ofSeconds(30));
      assertThat(nonce(jdbc, sender)).isEqualTo(3);
      assertThat(balance(jdbc, Address.fromHex(RECIPIENT))).contains(BigInteger.valueOf(13));
      BlockHeader after = awaitPublished(second, jdbc);
      assertThat(after.number()).isGreaterThan(headBefore.number());
      assertThat(ChainTables.rebuiltRoot(jdbc)).isEqualTo(after.stateRoot());
    }
    assertThatThrownBy(() -> start("paraseq.chain.id=3196").close())
        .rootCause()
        .hasMessageContaining("the database belongs to chain 3195")
        .hasMessageContaining("paraseq.chain.id is 3196");
  }

  /** The head published by the producer once it equals the highest stored block. */
  private static BlockHeader awaitPublished(
      ConfigurableApplicationContext context, JdbcTemplate jdbc) throws InterruptedException {
    ChainHead head = context.getBean(ChainHead.class);
    for (int i = 0; i < 200; i++) {
      long stored = jdbc.queryForObject("SELECT max(number) FROM blocks", Long.class);
      if (head.current().number() == stored) {
        return head.current();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("head not published");
  }

  private static ConfigurableApplicationContext start(String... extra) {
    // Command-line arguments: they take precedence over application.yml (builder "properties"
    // are defaults, which the yml's own defaults would override).
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--paraseq.db.schema=" + db.schema(),
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--paraseq.producer.block-interval=100ms"));
    for (String property : extra) {
      args.add("--" + property);
    }
    return new SpringApplicationBuilder(ParaseqApplication.class).run(args.toArray(String[]::new));
  }

  private static Web3j client(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
  }
}
