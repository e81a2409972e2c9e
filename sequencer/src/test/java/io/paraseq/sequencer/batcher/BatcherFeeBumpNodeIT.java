package io.paraseq.sequencer.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.post.Batcher;
import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
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
 * The node with its batcher on, and its first batch stuck on L1: sent at a base fee of about 1
 * gwei, then anvil's base fee jumps to 50 gwei ({@code anvil_setNextBlockBaseFeePerGas}) and blocks
 * keep coming (a block a second) without it. After the resubmit timeout (2 s) the transaction
 * manager must replace it with the same nonce at a fee above the new base fee; the replacement is
 * included, and every block ends up in exactly one batch on L1 ({@link BatchesOnL1}) with the
 * batcher's L1 account having used exactly one nonce per batch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatcherFeeBumpNodeIT {

  private static final int POSTER = 1;
  private static final int[] SENDERS = {2, 3};
  private static final int PER_ROUND = 8;
  private static final BigInteger SPIKE = BigInteger.valueOf(50_000_000_000L);

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
    registry.add("paraseq.batcher.l1tx.confirmation-depth", () -> "2");
    registry.add("paraseq.batcher.l1tx.resubmit-timeout", () -> "2s");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Batcher batcher;

  private final Set<String> acknowledged = new HashSet<>();
  private final long[] nonces = new long[SENDERS.length];

  @Test
  void aStuckBatchIsReplacedByAFeeBumpAndIncludedOnce() throws Exception {
    sendRound();
    waitFor("batch 0 sent", () -> status(0).equals("sent"));
    List<Attempt> first = attemptsOfBatch0();
    assertThat(first).hasSize(1);
    anvil.rpc("anvil_setNextBlockBaseFeePerGas", List.of("0x" + SPIKE.toString(16)));
    anvil.mine(1);
    assertThat(status(0)).as("priced out").isEqualTo("sent");
    anvil.rpc("evm_setIntervalMining", List.of(1));

    waitFor("batch 0 replaced", () -> attemptsOfBatch0().size() >= 2);
    waitFor("batch 0 confirmed", () -> status(0).equals("confirmed"));
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

    List<Attempt> attempts = attemptsOfBatch0();
    assertThat(attempts).extracting(Attempt::nonce).containsOnly(first.getFirst().nonce());
    String included =
        jdbc.queryForObject(
            "SELECT '0x' || encode(l1_tx_hash, 'hex') FROM batches WHERE seq = 0", String.class);
    Attempt winner =
        attempts.stream().filter(a -> a.hash().equals(included)).findFirst().orElseThrow();
    assertThat(winner.hash())
        .as("a replacement was included")
        .isNotEqualTo(first.getFirst().hash());
    assertThat(winner.maxFee())
        .isGreaterThan(SPIKE.multiply(BigInteger.valueOf(7)).divide(BigInteger.TEN));
    assertThat(BatchesOnL1.posterNonce(anvil, POSTER))
        .as("one nonce per batch: the replacement took the stuck one's")
        .isEqualTo(posted.batches());
  }

  /**
   * One signed attempt.
   *
   * @param hash 0x-hex transaction hash
   * @param nonce its nonce
   * @param maxFee its fee cap, wei
   */
  private record Attempt(String hash, long nonce, BigInteger maxFee) {}

  /** {@value #PER_ROUND} transfers from each sender, then waits until the node included them. */
  private void sendRound() throws InterruptedException {
    DevTransfers.sendRound(
        "http://127.0.0.1:" + port + "/", SENDERS, nonces, PER_ROUND, acknowledged);
    waitFor(
        "every acknowledged transaction included",
        () -> BatchesOnL1.count(jdbc, "transactions") == acknowledged.size());
  }

  private List<Attempt> attemptsOfBatch0() {
    return jdbc.query(
        "SELECT '0x' || encode(a.tx_hash, 'hex'), a.nonce, a.max_fee_per_gas FROM l1_tx_attempts a"
            + " JOIN l1_transactions t ON t.id = a.l1_tx_id WHERE t.intent_id = 'batch-0'"
            + " ORDER BY a.attempt",
        (rs, i) ->
            new Attempt(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3).toBigIntegerExact()));
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
