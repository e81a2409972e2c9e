package io.paraseq.sequencer.verifier;

import static io.paraseq.sequencer.verifier.MixedTransactions.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.derive.Verifier;
import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.sequencer.batcher.DevRollup;
import io.paraseq.sequencer.chain.ChainHead;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.http.HttpService;

/**
 * A sequencer with its batcher and {@code paraseq.verifier.embedded=true}: the verifier runs in the
 * same process, in its own context, schema and port, and reaches the sequencer's head (same block
 * hash) from L1 alone; it is stopped with the sequencer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedVerifierIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final PostgresFixture verifierDb = PostgresFixture.freshSchema();

  @RegisterExtension
  static final AnvilFixture anvil = AnvilFixture.start(List.of("--block-time", "1"));

  static final ChainId CHAIN = ChainId.of(3195);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Deployment deployment = DevRollup.deploy(anvil, 0);
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.rollup-address", deployment::rollup);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
    registry.add("paraseq.batcher.enabled", () -> "true");
    registry.add("paraseq.batcher.private-key", () -> DevAccounts.PRIVATE_KEYS.get(0));
    registry.add("paraseq.batcher.max-age", () -> "1s");
    registry.add("paraseq.batcher.poll-interval", () -> "200ms");
    registry.add("paraseq.batcher.l1tx.confirmation-depth", () -> "1");
    registry.add("paraseq.verifier.embedded", () -> "true");
    registry.add("paraseq.verifier.embedded-port", () -> "0");
    registry.add("paraseq.verifier.embedded-schema", verifierDb::schema);
    registry.add("paraseq.verifier.start-l1-block", deployment::deployBlock);
    registry.add("paraseq.verifier.confirmation-depth", () -> "1");
    registry.add("paraseq.verifier.poll-interval", () -> "200ms");
  }

  @LocalServerPort int port;
  @Autowired EmbeddedVerifier embedded;
  @Autowired ChainHead head;

  @Test
  void theEmbeddedVerifierFollowsTheSequencer() throws Exception {
    Web3j sequencer = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    Web3j verifier =
        Web3j.build(new HttpService("http://127.0.0.1:" + embedded.port().orElseThrow() + "/"));
    try {
      List<String> hashes = MixedTransactions.send(sequencer, CHAIN, 3);
      waitFor(
          "all transactions included",
          Duration.ofSeconds(60),
          () -> hashes.stream().allMatch(h -> included(sequencer, h)));
      long last = head.current().number();
      Verifier inner = embedded.context().orElseThrow().getBean(Verifier.class);
      waitFor(
          "the embedded verifier reaches block " + last,
          Duration.ofSeconds(90),
          () -> inner.cursor().lastBlock() >= last);
      assertThat(inner.mismatch()).isEmpty();
      assertThat(hash(verifier, last)).isEqualTo(hash(sequencer, last));
    } finally {
      verifier.shutdown();
      sequencer.shutdown();
    }
  }

  private static String hash(Web3j node, long number) throws IOException {
    return node.ethGetBlockByNumber(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
        .send()
        .getBlock()
        .getHash();
  }

  private static boolean included(Web3j node, String hash) {
    try {
      return node.ethGetTransactionReceipt(hash).send().getTransactionReceipt().isPresent();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
