package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.chain.ChainTables.Included;
import io.paraseq.sequencer.chain.RawTransactionSender.Answer;
import io.paraseq.sequencer.ingress.IngressTransactions;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real node in a child JVM (fresh PostgreSQL schema, anvil L1, 20 senders funded by a genesis
 * allocation file), killed with SIGKILL while four client threads send transfers, then started
 * again on the same schema. Every transaction whose hash the node returned must be in the {@code
 * transactions} or {@code pool_transactions} table at the kill; the restarted node must load the
 * head that was stored at the kill (same number and hash), restore the pool rows (none dropped),
 * include every acknowledged transaction exactly once with each sender's nonces gap-free, end with
 * nonces and balances that match the included transactions, and accept new transactions.
 *
 * <p>The nodes' output goes to {@code target/hard-kill/node-*.log}.
 */
class HardKillRecoveryIT {

  private static final int SENDERS = 20;
  private static final int THREADS = 4;
  private static final int FIRST_KEY = 301;
  private static final long MAX_FEE = 10_000_000_000L;
  private static final BigInteger FUNDS = BigInteger.TEN.pow(24);
  private static final BigInteger COST = BigInteger.valueOf(21_000L * MAX_FEE + 1);
  private static final Pattern CHAIN_LOADED =
      Pattern.compile("chain loaded chain_id=3195 genesis=\\S+ head=(\\d+) hash=(0x[0-9a-f]{64})");
  private static final Pattern POOL_RESTORED =
      Pattern.compile("pool restored=(\\d+) dropped=(\\d+)");

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private final JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  @Test
  void everyAcknowledgedTransactionSurvivesAHardKill() throws Exception {
    Path dir = Path.of("target", "hard-kill").toAbsolutePath();
    List<String> settings = settings(allocFile(dir));

    Head atKill;
    Set<String> pooledAtKill;
    try (NodeProcess first = NodeProcess.start(dir.resolve("node-1.log"), settings)) {
      first.awaitHealthy(Duration.ofSeconds(90));
      AtomicBoolean stop = new AtomicBoolean();
      try (RawTransactionSender client = new RawTransactionSender(first.url());
          ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
        List<Future<Void>> senders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          senders.add(threads.submit(() -> sendUntilTheNodeIsGone(client, thread, stop)));
        }
        awaitProgress(Duration.ofSeconds(60));
        assertThat(first.kill()).as("exit code of SIGKILL").isEqualTo(137);
        atKill = head();
        pooledAtKill = new HashSet<>(ChainTables.pooled(jdbc));
        stop.set(true);
        for (Future<Void> f : senders) {
          f.get(60, TimeUnit.SECONDS);
        }
      }
    }
    Set<String> includedAtKill = hashes(ChainTables.included(jdbc));
    Set<String> stored = new HashSet<>(includedAtKill);
    stored.addAll(pooledAtKill);
    assertThat(stored).containsAll(acknowledged);
    System.out.printf(
        "hard kill: acknowledged=%d included=%d pooled=%d head=%d%n",
        acknowledged.size(), includedAtKill.size(), pooledAtKill.size(), atKill.number());

    try (NodeProcess second = NodeProcess.start(dir.resolve("node-2.log"), settings)) {
      second.awaitHealthy(Duration.ofSeconds(90));
      Matcher loaded = second.findInLog(CHAIN_LOADED).orElseThrow();
      assertThat(new Head(Long.parseLong(loaded.group(1)), loaded.group(2))).isEqualTo(atKill);
      Matcher restored = second.findInLog(POOL_RESTORED).orElseThrow();
      assertThat(Integer.parseInt(restored.group(1))).isEqualTo(pooledAtKill.size());
      assertThat(restored.group(2)).isEqualTo("0");

      awaitEmptyPool(Duration.ofSeconds(30));
      List<Included> included = ChainTables.included(jdbc);
      assertThat(included).extracting(Included::hash).doesNotHaveDuplicates();
      assertThat(hashes(included)).containsAll(acknowledged).containsAll(pooledAtKill);
      assertThat(blockHash(atKill.number())).isEqualTo(atKill.hash());
      Map<Address, Long> counts = ChainTables.assertGapFreeNonceOrder(included);
      assertAccounts(counts);

      // The restarted node takes new transactions: one more from each sender.
      try (RawTransactionSender client = new RawTransactionSender(second.url())) {
        for (int s = 0; s < SENDERS; s++) {
          Address sender = IngressTransactions.sender(FIRST_KEY + s);
          long next = counts.getOrDefault(sender, 0L);
          Answer answer = client.send(IngressTransactions.transfer(FIRST_KEY + s, next, MAX_FEE));
          assertThat(answer).isInstanceOf(Answer.Accepted.class);
          counts.put(sender, next + 1);
        }
      }
      awaitEmptyPool(Duration.ofSeconds(30));
      assertThat(ChainTables.assertGapFreeNonceOrder(ChainTables.included(jdbc))).isEqualTo(counts);
      assertAccounts(counts);
      assertThat(ChainTables.rebuiltRoot(jdbc).toString()).isEqualTo(stateRoot(head().number()));
    }
  }

  /** One client thread: nonce by nonce over its senders, until told to stop or the node is gone. */
  private Void sendUntilTheNodeIsGone(RawTransactionSender client, int thread, AtomicBoolean stop)
      throws InterruptedException {
    List<Integer> mine =
        IntStream.range(0, SENDERS).filter(s -> s % THREADS == thread).boxed().toList();
    for (long nonce = 0; !stop.get(); nonce++) {
      for (int s : mine) {
        Bytes raw = IngressTransactions.transfer(FIRST_KEY + s, nonce, MAX_FEE);
        switch (client.sendUntilAnswered(raw)) {
          case Answer.Accepted accepted -> acknowledged.add(accepted.hash());
          case Answer.NoAnswer gone -> {
            return null; // the node was killed: what was not answered is not acknowledged
          }
          case Answer.Refused refused ->
              throw new AssertionError(
                  "sender " + (FIRST_KEY + s) + " nonce " + nonce + " refused: " + refused);
        }
      }
    }
    return null;
  }

  /** Until enough was acknowledged and included that the kill hits a busy node. */
  private void awaitProgress(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (acknowledged.size() >= 1_500
          && jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class) >= 500) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the clients made too little progress: " + acknowledged.size());
  }

  private void awaitEmptyPool(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ChainTables.pooled(jdbc).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the pool did not drain: " + ChainTables.pooled(jdbc).size());
      }
      Thread.sleep(100);
    }
  }

  /**
   * Each sender's nonce is its count of included transactions, its balance paid for exactly them.
   */
  private void assertAccounts(Map<Address, Long> counts) {
    long total = 0;
    for (int s = 0; s < SENDERS; s++) {
      Address sender = IngressTransactions.sender(FIRST_KEY + s);
      long count = counts.getOrDefault(sender, 0L);
      total += count;
      assertThat(ChainTables.nonce(jdbc, sender)).as("nonce of %s", sender).isEqualTo(count);
      assertThat(ChainTables.balance(jdbc, sender))
          .as("balance of %s", sender)
          .contains(FUNDS.subtract(COST.multiply(BigInteger.valueOf(count))));
    }
    assertThat(ChainTables.balance(jdbc, IngressTransactions.TO))
        .contains(BigInteger.valueOf(total));
  }

  /** The node's settings: this schema, this anvil, fast blocks, the allocation file. */
  private static List<String> settings(Path allocFile) {
    return List.of(
        "spring.datasource.url=" + db.jdbcUrl(),
        "paraseq.db.schema=" + db.schema(),
        "paraseq.l1.rpc-url=" + anvil.rpcUrl(),
        "paraseq.l1.chain-id=" + AnvilFixture.CHAIN_ID,
        "paraseq.producer.block-interval=100ms",
        "paraseq.chain.genesis-alloc-file=" + allocFile);
  }

  private static Path allocFile(Path dir) throws java.io.IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("alloc-" + db.schema() + ".json");
    Files.writeString(
        file,
        IntStream.range(0, SENDERS)
            .mapToObj(
                s ->
                    "\""
                        + IngressTransactions.sender(FIRST_KEY + s)
                        + "\": {\"balance\": \"0x"
                        + FUNDS.toString(16)
                        + "\"}")
            .collect(Collectors.joining(",\n", "{\n", "\n}\n")));
    return file;
  }

  private static Set<String> hashes(List<Included> included) {
    return included.stream().map(Included::hash).collect(Collectors.toSet());
  }

  /**
   * A block number and hash.
   *
   * @param number the number
   * @param hash 0x-hex
   */
  private record Head(long number, String hash) {}

  private Head head() {
    return jdbc.queryForObject(
        "SELECT number, '0x' || encode(hash, 'hex') FROM blocks ORDER BY number DESC LIMIT 1",
        (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
  }

  private String blockHash(long number) {
    return jdbc.queryForObject(
        "SELECT '0x' || encode(hash, 'hex') FROM blocks WHERE number = ?", String.class, number);
  }

  private String stateRoot(long number) {
    return jdbc.queryForObject(
        "SELECT '0x' || encode(state_root, 'hex') FROM blocks WHERE number = ?",
        String.class,
        number);
  }
}
