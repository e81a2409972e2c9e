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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many clients at once on the real application (fresh PostgreSQL schema, anvil L1, blocks every 100
 * ms): 16 threads send 8,000 signed transfers over HTTP JSON-RPC from 100 senders funded by the
 * genesis allocation ({@code paraseq.chain.alloc}); each sender's transactions go out from one
 * thread in nonce order, the senders spread over the threads. Afterwards the chain tables must hold
 * every acknowledged transaction exactly once, each sender's nonces 0 … 79 in chain order without
 * gaps, and the right nonces and balances to the wei.
 *
 * <p>Back-pressure: the client waits 20 ms and resends on {@code -32005} busy, {@code txpool is
 * full} and {@code account limit exceeded}, as a wallet would, and counts them; any other refusal
 * fails the test. The per-sender limits (16 slots, 64 queued) never refuse an in-order sender:
 * slots are guaranteed, not a cap, and nothing is queued without a gap. What can refuse is a full
 * pool (5,120 pending, the default, below the 8,000 sent): it refuses a newcomer that pays the same
 * as what it holds ({@code txpool is full}, retried) and evicts nothing, so "acknowledged means
 * included" holds at the default limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSendersIT {

  private static final int SENDERS = 100;
  private static final int THREADS = 16;
  private static final int PER_SENDER = 80;
  private static final long MAX_FEE = 10_000_000_000L; // 10 gwei: above any base fee reached here
  private static final BigInteger FUNDS = BigInteger.TEN.pow(24);

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
    for (int s = 1; s <= SENDERS; s++) {
      registry.add(
          "paraseq.chain.alloc." + IngressTransactions.sender(s).toLowerHex() + ".balance",
          FUNDS::toString);
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChainHead head;

  @Test
  void everyAcknowledgedTransactionIsIncludedOnceInNonceOrder() throws Exception {
    List<List<Bytes>> signed = IngressTransactions.transfers(SENDERS, PER_SENDER, MAX_FEE);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    long started = System.nanoTime();
    try (RawTransactionSender client = new RawTransactionSender("http://127.0.0.1:" + port + "/");
        ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        List<Integer> mine =
            IntStream.range(0, SENDERS).filter(s -> s % THREADS == thread).boxed().toList();
        done.add(threads.submit(() -> sendInNonceOrder(client, signed, mine, acknowledged)));
      }
      for (Future<?> f : done) {
        f.get(3, TimeUnit.MINUTES);
      }
      long sendMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      awaitIncluded(SENDERS * PER_SENDER, Duration.ofMinutes(2));
      System.out.printf(
          "concurrency: txs=%d send_ms=%d total_ms=%d blocks=%d back_pressure=%s%n",
          acknowledged.size(),
          sendMs,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          head.current().number(),
          client.backPressure());
    }

    Set<String> sent =
        signed.stream()
            .flatMap(List::stream)
            .map(raw -> IngressTransactions.hash(raw).toString())
            .collect(Collectors.toSet());
    assertThat(acknowledged).hasSize(SENDERS * PER_SENDER).isEqualTo(sent);

    List<Included> included = ChainTables.included(jdbc);
    assertThat(included).extracting(Included::hash).doesNotHaveDuplicates();
    assertThat(included.stream().map(Included::hash).collect(Collectors.toSet()))
        .isEqualTo(acknowledged);
    Map<Address, Long> counts = ChainTables.assertGapFreeNonceOrder(included);
    assertThat(counts).hasSize(SENDERS).allSatisfy((a, n) -> assertThat(n).isEqualTo(PER_SENDER));
    assertThat(ChainTables.pooled(jdbc)).isEmpty();

    BigInteger fee = BigInteger.valueOf(21_000L * MAX_FEE); // tip = fee cap: price = fee cap
    BigInteger spent = fee.add(BigInteger.ONE).multiply(BigInteger.valueOf(PER_SENDER));
    for (int s = 1; s <= SENDERS; s++) {
      Address sender = IngressTransactions.sender(s);
      assertThat(ChainTables.nonce(jdbc, sender)).isEqualTo(PER_SENDER);
      assertThat(ChainTables.balance(jdbc, sender)).contains(FUNDS.subtract(spent));
    }
    BigInteger total = BigInteger.valueOf((long) SENDERS * PER_SENDER);
    assertThat(ChainTables.balance(jdbc, IngressTransactions.TO)).contains(total);
    assertThat(ChainTables.balance(jdbc, ChainTables.FEE_RECIPIENT)).contains(fee.multiply(total));
    assertThat(ChainTables.rebuiltRoot(jdbc)).isEqualTo(head.current().stateRoot());
  }

  /**
   * One thread: nonce by nonce, each of its senders in turn; fails on any non-back-pressure
   * refusal.
   */
  private static Void sendInNonceOrder(
      RawTransactionSender client,
      List<List<Bytes>> signed,
      List<Integer> senders,
      Set<String> acknowledged)
      throws InterruptedException {
    for (int nonce = 0; nonce < PER_SENDER; nonce++) {
      for (int s : senders) {
        Answer answer = client.sendUntilAnswered(signed.get(s).get(nonce));
        assertThat(answer)
            .as("sender %d nonce %d", s + 1, nonce)
            .isInstanceOf(Answer.Accepted.class);
        acknowledged.add(((Answer.Accepted) answer).hash());
      }
    }
    return null;
  }

  private void awaitIncluded(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Integer included = jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class);
      if (included >= count && ChainTables.pooled(jdbc).isEmpty()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "within "
            + timeout
            + " only "
            + jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class)
            + " of "
            + count
            + " transactions were included");
  }
}
