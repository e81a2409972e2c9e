package io.paraseq.sequencer.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.post.Batcher;
import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.RawTransactionSender;
import io.paraseq.sequencer.chain.RawTransactionSender.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/**
 * The node with its batcher on (and the L1 base fee watcher) while its L1 goes away in the middle
 * of posting: anvil (a block a second, {@code --state} so its chain survives a restart, its
 * transaction pool does not) is stopped while a batch is sent and not yet included, with a client
 * sending transfers all along. While L1 is down the node must keep sealing blocks, include the
 * transfers and answer JSON-RPC; once anvil is back the batcher must post the rest, and every block
 * must end up in exactly one batch on L1 ({@link BatchesOnL1}) with the batcher's L1 account having
 * sent exactly one transaction per batch (its nonce is the number of batches).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatcherOutageNodeIT {

  private static final Path STATE = stateFile();
  private static final int POSTER = 1;
  private static final int[] SENDERS = {2, 3};
  private static final Duration OUTAGE = Duration.ofSeconds(8);

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @RegisterExtension
  static final AnvilFixture anvil =
      AnvilFixture.start(List.of("--block-time", "1", "--state", STATE.toString()));

  static Deployment deployment;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    deployment = DevRollup.deploy(anvil, POSTER);
    DevRollup.register(registry, db, anvil, deployment);
    registry.add("paraseq.l1-fee.enabled", () -> "true");
    registry.add("paraseq.l1-fee.poll-interval", () -> "500ms");
    registry.add("paraseq.producer.block-interval", () -> "100ms");
    registry.add("paraseq.batcher.enabled", () -> "true");
    registry.add("paraseq.batcher.private-key", () -> DevAccounts.PRIVATE_KEYS.get(POSTER));
    registry.add("paraseq.batcher.max-age", () -> "1s");
    registry.add("paraseq.batcher.poll-interval", () -> "200ms");
    registry.add("paraseq.batcher.l1tx.confirmation-depth", () -> "2");
    registry.add("paraseq.batcher.l1.retry-initial-backoff", () -> "50ms");
    registry.add("paraseq.batcher.l1.retry-max-backoff", () -> "200ms");
    registry.add("paraseq.batcher.l1.circuit-open-wait", () -> "2s");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Batcher batcher;

  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final long[] nonces = new long[SENDERS.length];

  @Test
  void anvilStoppedMidPostingWhileTheNodeProducesLeavesEveryBlockInExactlyOneBatch()
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> senderFailure = new AtomicReference<>();
    Thread sender =
        Thread.ofPlatform()
            .name("outage-sender")
            .start(
                () -> {
                  try {
                    send(stop);
                  } catch (Throwable t) {
                    senderFailure.set(t);
                  }
                });
    Web3j l2 = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    Map<String, Set<String>> sentAtStop;
    try {
      waitFor("a confirmed batch", Duration.ofSeconds(60), () -> batches("confirmed") >= 1);
      AtomicReference<Map<String, Set<String>>> inFlight = new AtomicReference<>(Map.of());
      waitFor(
          "a batch sent and not included",
          Duration.ofSeconds(60),
          () -> {
            inFlight.set(sentAttempts());
            return !inFlight.get().isEmpty();
          });
      anvil.stop();
      sentAtStop = inFlight.get();
      long headAtStop = BatchesOnL1.head(jdbc);
      int acknowledgedAtStop = acknowledged.size();

      Thread.sleep(OUTAGE);
      assertThat(senderFailure.get()).isNull();
      long headAfterOutage = BatchesOnL1.head(jdbc);
      assertThat(headAfterOutage)
          .as("blocks sealed while L1 was down")
          .isGreaterThanOrEqualTo(headAtStop + 10);
      assertThat(acknowledged.size())
          .as("transactions acknowledged while L1 was down")
          .isGreaterThan(acknowledgedAtStop + 10);
      assertThat(l2.ethBlockNumber().send().getBlockNumber().longValueExact())
          .as("eth_blockNumber while L1 is down")
          .isGreaterThanOrEqualTo(headAfterOutage);
      assertThat(batcher.halted()).isEmpty();
      assertThat(maxPostedBlock()).as("nothing reached L1 meanwhile").isLessThan(headAfterOutage);

      anvil.restart();
      Thread.sleep(Duration.ofSeconds(3));
      stop.set(true);
      sender.join(Duration.ofSeconds(30));
      assertThat(senderFailure.get()).isNull();

      waitFor(
          "every acknowledged transaction included",
          Duration.ofSeconds(30),
          () -> included() == acknowledged.size());
      long head = BatchesOnL1.head(jdbc);
      waitFor(
          "safe reaches the head " + head,
          Duration.ofSeconds(120),
          () -> blockNumber(l2, "safe") >= head && batches("confirmed") == batches(null));
      assertThat(batcher.halted()).isEmpty();
    } finally {
      stop.set(true);
      l2.shutdown();
    }
    batcher.close();

    BatchesOnL1.Posted posted =
        BatchesOnL1.assertEveryBlockInExactlyOneBatch(
            anvil.web3j(),
            Address.fromHex(deployment.rollup()),
            jdbc,
            DevTransfers.CHAIN,
            DevRollup.GENESIS);
    assertThat(posted.lastBlock()).isEqualTo(BatchesOnL1.head(jdbc));
    assertThat(posted.transactions())
        .containsAll(acknowledged.stream().map(Hash::fromHex).toList());
    assertThat(posterNonce())
        .as("one L1 transaction per batch: nothing sent twice")
        .isEqualTo(posted.batches());
    assertThat(sentAtStop).isNotEmpty();
    sentAtStop.forEach(
        (intent, hashes) ->
            assertThat(
                    jdbc.queryForObject(
                        "SELECT '0x' || encode(included_tx_hash, 'hex') FROM l1_transactions"
                            + " WHERE intent_id = ?",
                        String.class,
                        intent))
                .as("%s, sent before the outage, included as sent", intent)
                .isIn(hashes));
  }

  /** The L1 transactions in flight (status sent) and the hashes of their attempts. */
  private Map<String, Set<String>> sentAttempts() {
    return jdbc
        .queryForList(
            "SELECT t.intent_id, '0x' || encode(a.tx_hash, 'hex') AS tx FROM l1_transactions t"
                + " JOIN l1_tx_attempts a ON a.l1_tx_id = t.id WHERE t.status = 'sent'")
        .stream()
        .collect(
            Collectors.groupingBy(
                r -> (String) r.get("intent_id"),
                Collectors.mapping(r -> (String) r.get("tx"), Collectors.toSet())));
  }

  /** One client: transfers from each sender in turn, every 20 ms, until told to stop. */
  private void send(AtomicBoolean stop) throws InterruptedException {
    try (RawTransactionSender client = new RawTransactionSender("http://127.0.0.1:" + port + "/")) {
      while (!stop.get()) {
        for (int s = 0; s < SENDERS.length; s++) {
          switch (client.sendUntilAnswered(DevTransfers.transfer(SENDERS[s], nonces[s]))) {
            case Answer.Accepted accepted -> {
              acknowledged.add(accepted.hash());
              nonces[s]++;
            }
            case Answer.Refused refused ->
                throw new AssertionError(
                    "sender " + SENDERS[s] + " nonce " + nonces[s] + " refused: " + refused);
            case Answer.NoAnswer none ->
                throw new AssertionError("the node did not answer", none.error());
          }
        }
        Thread.sleep(20);
      }
    }
  }

  private long included() {
    return jdbc.queryForObject("SELECT count(*) FROM transactions", Long.class);
  }

  private long maxPostedBlock() {
    return jdbc.queryForObject(
        "SELECT coalesce(max(last_block), 0) FROM batches WHERE status IN ('included',"
            + " 'confirmed')",
        Long.class);
  }

  private int batches(String status) {
    return status == null
        ? jdbc.queryForObject("SELECT count(*) FROM batches", Integer.class)
        : jdbc.queryForObject(
            "SELECT count(*) FROM batches WHERE status = ?", Integer.class, status);
  }

  private long posterNonce() throws IOException {
    BigInteger nonce =
        anvil
            .web3j()
            .ethGetTransactionCount(
                anvil.credentials(POSTER).getAddress(), DefaultBlockParameterName.LATEST)
            .send()
            .getTransactionCount();
    return nonce.longValueExact();
  }

  private static long blockNumber(Web3j l2, String tag) {
    try {
      return l2.ethGetBlockByNumber(DefaultBlockParameterName.fromString(tag), false)
          .send()
          .getBlock()
          .getNumber()
          .longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void waitFor(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  private static Path stateFile() {
    try {
      Path dir = Files.createDirectories(Path.of("target", "anvil-state").toAbsolutePath());
      Path file = Files.createTempFile(dir, "node-outage-", ".json");
      Files.delete(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
