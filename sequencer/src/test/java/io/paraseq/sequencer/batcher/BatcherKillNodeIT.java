package io.paraseq.sequencer.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * The node with its batcher on, in a child JVM, SIGKILLed at the points where a batch is between
 * two states, and started again on the same schema each time; L1 is an anvil that mines only when
 * told to, so the test decides when a sent batch is included and confirmed:
 *
 * <ol>
 *   <li>killed after the batcher's row says {@code sent} (the transaction is in anvil's pool, not
 *       in a block; a later batch may be stored and not yet submitted); anvil then includes what
 *       was sent while the node is down;
 *   <li>killed after the node saw its next batch {@code included} (not yet confirmed); anvil then
 *       mines the confirmations while the node is down;
 *   <li>killed after everything was {@code confirmed}; started once more, it posts new blocks.
 * </ol>
 *
 * <p>In the end every block is in exactly one batch on L1 ({@link BatchesOnL1}), each batch's L1
 * transaction was signed with one nonce only (the transaction sent before the first kill is the one
 * included: reconciled, not sent again), and the batcher's L1 account sent exactly one transaction
 * per batch. The nodes' output goes to {@code target/batcher-kill/node-*.log}.
 */
class BatcherKillNodeIT {

  private static final int POSTER = 1;
  private static final int[] SENDERS = {2, 3};
  private static final int PER_ROUND = 8;

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private final JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
  private final Set<String> acknowledged = new HashSet<>();
  private final long[] nonces = new long[SENDERS.length];
  private final Path dir = Path.of("target", "batcher-kill").toAbsolutePath();

  @Test
  void aNodeKilledAroundSendInclusionAndConfirmationNeitherSkipsNorRepeatsABatch()
      throws Exception {
    Deployment deployment = DevRollup.deploy(anvil, POSTER);
    anvil.setAutomine(false);
    List<String> settings = settings(deployment.rollup());

    // 1. Killed with a batch sent and not included.
    Map<String, Set<String>> signedAtFirstKill;
    int sentAtFirstKill;
    try (NodeProcess node = NodeProcess.start(dir.resolve("node-1.log"), settings)) {
      node.awaitHealthy(Duration.ofSeconds(90));
      sendRound(node);
      waitFor(
          "a batch sent",
          node,
          () -> BatchesOnL1.count(jdbc, "batches WHERE status = 'sent'") >= 1);
      assertThat(node.kill()).as("exit code of SIGKILL").isEqualTo(137);
    }
    signedAtFirstKill = attempts();
    sentAtFirstKill = BatchesOnL1.count(jdbc, "batches");
    assertThat(BatchesOnL1.count(jdbc, "batches WHERE status NOT IN ('built', 'sent')")).isZero();
    for (Set<String> hashes : signedAtFirstKill.values()) {
      for (String hash : hashes) {
        Transaction pending =
            anvil.web3j().ethGetTransactionByHash(hash).send().getTransaction().orElseThrow();
        assertThat(pending.getBlockHash()).as("pending in anvil: " + hash).isNull();
      }
    }
    anvil.mine(1); // included while the node is down

    // 2. Killed with its next batch included and not confirmed.
    try (NodeProcess node = NodeProcess.start(dir.resolve("node-2.log"), settings)) {
      node.awaitHealthy(Duration.ofSeconds(90));
      sendRound(node);
      waitFor(
          "a new batch sent",
          node,
          () ->
              BatchesOnL1.count(jdbc, "batches WHERE status = 'sent' AND seq >= " + sentAtFirstKill)
                  >= 1);
      anvil.mine(1);
      waitFor(
          "the new batch included",
          node,
          () ->
              BatchesOnL1.count(
                      jdbc, "batches WHERE status = 'included' AND seq >= " + sentAtFirstKill)
                  >= 1);
      assertThat(node.kill()).as("exit code of SIGKILL").isEqualTo(137);
    }
    anvil.mine(3); // confirmed while the node is down
    anvil.rpc("evm_setIntervalMining", List.of(1));

    // 3. Killed with everything confirmed, then started once more.
    for (int run = 3; run <= 4; run++) {
      try (NodeProcess node = NodeProcess.start(dir.resolve("node-" + run + ".log"), settings)) {
        node.awaitHealthy(Duration.ofSeconds(90));
        sendRound(node);
        long head = BatchesOnL1.head(jdbc);
        waitFor(
            "every block up to " + head + " confirmed",
            node,
            () -> BatchesOnL1.allConfirmedUpTo(jdbc, head));
        assertThat(node.kill()).as("exit code of SIGKILL").isEqualTo(137);
      }
    }

    BatchesOnL1.Posted posted =
        BatchesOnL1.assertEveryBlockInExactlyOneBatch(
            anvil.web3j(),
            Address.fromHex(deployment.rollup()),
            jdbc,
            DevTransfers.CHAIN,
            DevRollup.GENESIS);
    assertThat(posted.lastBlock()).isEqualTo(BatchesOnL1.head(jdbc));
    assertThat(posted.transactions())
        .containsExactlyInAnyOrderElementsOf(acknowledged.stream().map(Hash::fromHex).toList());
    assertThat(
            jdbc.queryForList(
                "SELECT count(DISTINCT nonce) FROM l1_tx_attempts GROUP BY l1_tx_id", Long.class))
        .as("each batch's L1 transaction signed with one nonce")
        .hasSize(posted.batches())
        .containsOnly(1L);
    Map<String, String> includedBy =
        jdbc
            .queryForList(
                "SELECT intent_id, '0x' || encode(included_tx_hash, 'hex') AS tx"
                    + " FROM l1_transactions")
            .stream()
            .collect(Collectors.toMap(r -> (String) r.get("intent_id"), r -> (String) r.get("tx")));
    signedAtFirstKill.forEach(
        (intent, hashes) ->
            assertThat(hashes)
                .as("the transaction of %s sent before the first kill is the included one", intent)
                .contains(includedBy.get(intent)));
    assertThat(BatchesOnL1.posterNonce(anvil, POSTER))
        .as("one L1 transaction per batch: nothing sent twice")
        .isEqualTo(posted.batches());
  }

  /** {@value #PER_ROUND} transfers from each sender, then waits until the node included them. */
  private void sendRound(NodeProcess node) throws InterruptedException {
    DevTransfers.sendRound(node.url(), SENDERS, nonces, PER_ROUND, acknowledged);
    waitFor(
        "every acknowledged transaction included",
        node,
        () -> BatchesOnL1.count(jdbc, "transactions") == acknowledged.size());
  }

  /** The signed attempts of each L1 transaction: intent id → transaction hashes. */
  private Map<String, Set<String>> attempts() {
    return jdbc
        .queryForList(
            "SELECT t.intent_id, '0x' || encode(a.tx_hash, 'hex') AS tx FROM l1_tx_attempts a"
                + " JOIN l1_transactions t ON t.id = a.l1_tx_id")
        .stream()
        .collect(
            Collectors.groupingBy(
                r -> (String) r.get("intent_id"),
                Collectors.mapping(r -> (String) r.get("tx"), Collectors.toSet())));
  }

  private List<String> settings(String rollup) {
    return List.of(
        "spring.datasource.url=" + db.jdbcUrl(),
        "paraseq.db.schema=" + db.schema(),
        "paraseq.l1.rpc-url=" + anvil.rpcUrl(),
        "paraseq.l1.chain-id=" + AnvilFixture.CHAIN_ID,
        "paraseq.l1.rollup-address=" + rollup,
        "paraseq.producer.block-interval=100ms",
        "paraseq.batcher.enabled=true",
        "paraseq.batcher.private-key=" + DevAccounts.PRIVATE_KEYS.get(POSTER),
        "paraseq.batcher.max-age=1s",
        "paraseq.batcher.poll-interval=200ms",
        "paraseq.batcher.l1tx.confirmation-depth=2");
  }

  /** Waits up to 60 s; a failure carries the node's log tail. */
  private static void waitFor(String what, NodeProcess node, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what + " (log " + node.log() + ")");
      }
      Thread.sleep(50);
    }
  }
}
