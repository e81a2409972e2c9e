package io.paraseq.sequencer.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.post.Batcher;
import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The node with its batcher on, and an L1 reorg of the block that included a batch: anvil mines
 * only when told to, the node's row of batch 0 says {@code included} (not yet confirmed, depth 3),
 * then {@code anvil_reorg} replaces the inclusion block and the blocks after it with empty ones.
 * The batcher must see the reorg, get the same seq included again with the same signed transaction
 * (not a new one), and in the end every block is in exactly one batch on L1 ({@link BatchesOnL1})
 * with the batcher's L1 account having sent exactly one transaction per batch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatcherReorgNodeIT {

  private static final int POSTER = 1;
  private static final int[] SENDERS = {2, 3};
  private static final int PER_ROUND = 8;

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  static Deployment deployment;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    deployment = DevRollup.deploy(anvil, POSTER);
    anvil.setAutomine(false);
    DevRollup.register(registry, db, anvil, deployment);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
    registry.add("paraseq.batcher.enabled", () -> "true");
    registry.add("paraseq.batcher.private-key", () -> DevAccounts.PRIVATE_KEYS.get(POSTER));
    registry.add("paraseq.batcher.max-age", () -> "1s");
    registry.add("paraseq.batcher.poll-interval", () -> "200ms");
    registry.add("paraseq.batcher.l1tx.confirmation-depth", () -> "3");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Batcher batcher;

  private final Set<String> acknowledged = new HashSet<>();
  private final long[] nonces = new long[SENDERS.length];

  @Test
  void anL1ReorgOfTheInclusionBlockLeavesEveryBlockInExactlyOneBatch() throws Exception {
    sendRound();
    waitFor("batch 0 sent", () -> status(0).equals("sent"));
    String signed = attemptsOfBatch0().getFirst();
    anvil.mine(1);
    waitFor("batch 0 included", () -> status(0).equals("included"));
    long inclusionBlock =
        jdbc.queryForObject("SELECT l1_block FROM batches WHERE seq = 0", Long.class);
    String reorgedHash = inclusionBlockHash();
    long head = anvil.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();

    anvil.rpc("anvil_reorg", List.of(head - inclusionBlock + 1, List.of()));
    waitFor("batch 0 reorged", () -> !status(0).equals("included"));
    anvil.rpc("evm_setIntervalMining", List.of(1));
    sendRound();
    long lastBlock = BatchesOnL1.head(jdbc);
    waitFor(
        "every block up to " + lastBlock + " confirmed",
        () -> BatchesOnL1.allConfirmedUpTo(jdbc, lastBlock));
    assertThat(batcher.halted()).isEmpty();
    batcher.close();

    BatchesOnL1.Posted posted =
        BatchesOnL1.assertEveryBlockInExactlyOneBatch(
            anvil.web3j(),
            Address.fromHex(deployment.rollup()),
            jdbc,
            DevTransfers.CHAIN,
            DevRollup.GENESIS);
    assertThat(posted.lastBlock()).isEqualTo(lastBlock);
    assertThat(posted.transactions())
        .containsExactlyInAnyOrderElementsOf(acknowledged.stream().map(Hash::fromHex).toList());
    assertThat(
            jdbc.queryForList(
                "SELECT status FROM batch_events WHERE seq = 0 ORDER BY id", String.class))
        .containsSubsequence("sent", "included", "reorged", "included", "confirmed");
    assertThat(inclusionBlockHash()).as("batch 0 in another L1 block").isNotEqualTo(reorgedHash);
    assertThat(attemptsOfBatch0()).as("batch 0 signed once, included as signed").hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT '0x' || encode(l1_tx_hash, 'hex') FROM batches WHERE seq = 0",
                String.class))
        .isEqualTo(signed);
    assertThat(BatchesOnL1.posterNonce(anvil, POSTER))
        .as("one L1 transaction per batch: nothing sent twice")
        .isEqualTo(posted.batches());
  }

  /** {@value #PER_ROUND} transfers from each sender, then waits until the node included them. */
  private void sendRound() throws InterruptedException {
    DevTransfers.sendRound(
        "http://127.0.0.1:" + port + "/", SENDERS, nonces, PER_ROUND, acknowledged);
    waitFor(
        "every acknowledged transaction included",
        () -> BatchesOnL1.count(jdbc, "transactions") == acknowledged.size());
  }

  private String inclusionBlockHash() {
    return jdbc.queryForObject(
        "SELECT '0x' || encode(l1_block_hash, 'hex') FROM batches WHERE seq = 0", String.class);
  }

  private List<String> attemptsOfBatch0() {
    return jdbc.queryForList(
        "SELECT '0x' || encode(a.tx_hash, 'hex') FROM l1_tx_attempts a"
            + " JOIN l1_transactions t ON t.id = a.l1_tx_id WHERE t.intent_id = 'batch-0'",
        String.class);
  }

  private String status(long seq) {
    return BatchesOnL1.status(jdbc, seq);
  }

  private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
