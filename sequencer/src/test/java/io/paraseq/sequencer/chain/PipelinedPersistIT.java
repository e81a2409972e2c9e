package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.RawTransactionSender.Answer;
import io.paraseq.sequencer.ingress.IngressTransactions;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * The pipelined persist on the real application (fresh schema, blocks of at most 25 transactions so
 * that full blocks follow each other at once and block N+1 is built while block N is written):
 *
 * <ol>
 *   <li>under continuous load (8 threads, 40 senders, 1,200 transfers) an observer polling the head
 *       only ever sees it advance, and every head it sees is already committed with the same hash;
 *       afterwards every stored block was published exactly once (the blocks counter equals the
 *       stored blocks, the head is the highest);
 *   <li>then, under load again, a trigger holds block H+1's transaction for 1 s (the pool fills
 *       meanwhile) and fails H+2's after 0.5 s, so the producer seals a full H+3 while H+2 is
 *       written: production stops, H+1 is the head and the highest stored block, and nothing later
 *       is stored or published, although the world state took H+2 and H+3.
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PipelinedPersistIT {

  private static final int SENDERS = 40;
  private static final int THREADS = 8;
  private static final int PER_SENDER = 30;
  private static final long MAX_FEE = 10_000_000_000L;
  private static final BigInteger FUNDS = BigInteger.TEN.pow(24);

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.producer.block-interval", () -> "20ms");
    registry.add("paraseq.producer.max-transactions", () -> "25");
    registry.add("paraseq.pool.global-slots", () -> "10000");
    for (int s = 1; s <= SENDERS; s++) {
      registry.add(
          "paraseq.chain.alloc." + IngressTransactions.sender(s).toLowerHex() + ".balance",
          FUNDS::toString);
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChainHead head;
  @Autowired ChainState chain;
  @Autowired BlockProducer producer;
  @Autowired MeterRegistry meters;

  @Test
  void headsArePublishedInOrderOnceEachAndAFailedPersistStopsThePipeline() throws Exception {
    List<List<Bytes>> signed = IngressTransactions.transfers(SENDERS, PER_SENDER, MAX_FEE);
    List<String> problems = new ArrayList<>();
    List<Long> seen = new ArrayList<>();
    AtomicBoolean observing = new AtomicBoolean(true);
    try (RawTransactionSender client = new RawTransactionSender("http://127.0.0.1:" + port + "/");
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1)) {
      Future<?> observer = threads.submit(() -> observe(observing, seen, problems));
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> send(client, signed, s -> s % THREADS == thread, 0, PER_SENDER - 10)));
      }
      for (Future<?> f : done) {
        f.get(3, TimeUnit.MINUTES);
      }
      awaitStored(SENDERS * (PER_SENDER - 10), Duration.ofMinutes(1));
      observing.set(false);
      observer.get(1, TimeUnit.MINUTES);

      long stored = storedHead();
      assertThat(problems).isEmpty();
      assertThat(seen).hasSizeGreaterThan(5).isSorted().doesNotHaveDuplicates();
      assertThat(head.current().number()).isEqualTo(stored);
      assertThat(publishedBlocks()).isEqualTo(stored); // block 0 is not produced
      assertThat(stored).isGreaterThanOrEqualTo(SENDERS * (PER_SENDER - 10) / 25);

      // Phase 2: H+1 is held 1 s, H+2 fails after 0.5 s; H+3 is sealed meanwhile.
      jdbc.execute(
          "CREATE FUNCTION test_slow_then_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF NEW.number = "
              + (stored + 1)
              + " THEN PERFORM pg_sleep(1); RETURN NEW; END IF;"
              + " PERFORM pg_sleep(0.5); RAISE EXCEPTION 'test: block % refused', NEW.number;"
              + " END $$");
      jdbc.execute(
          "CREATE TRIGGER test_slow_then_fail BEFORE INSERT ON blocks FOR EACH ROW"
              + " WHEN (NEW.number IN ("
              + (stored + 1)
              + ", "
              + (stored + 2)
              + ")) EXECUTE FUNCTION test_slow_then_fail()");
      List<Future<?>> more = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        more.add(
            threads.submit(
                () -> send(client, signed, s -> s % THREADS == thread, PER_SENDER - 10, 10)));
      }
      for (Future<?> f : more) {
        f.get(3, TimeUnit.MINUTES);
      }
      for (int i = 0; i < 200 && producer.failure().isEmpty(); i++) {
        Thread.sleep(50);
      }
      Thread.sleep(500); // anything still on its way would be stored by now
    }

    long last = storedHead();
    assertThat(producer.failure()).isPresent();
    assertThat(producer.failure().get()).hasMessageContaining("block " + (last + 1));
    assertThat(producer.isRunning()).isFalse();
    assertThat(last).isEqualTo(head.current().number());
    assertThat(publishedBlocks()).isEqualTo(last);
    // The world state took the failed block (at least one transaction) and the full block sealed
    // while it was written.
    long storedTxs = jdbc.queryForObject("SELECT count(*) FROM transactions", Long.class);
    long applied =
        IntStream.rangeClosed(1, SENDERS)
            .mapToLong(
                s -> chain.worldState().view().account(IngressTransactions.sender(s)).nonce())
            .sum();
    assertThat(applied).isGreaterThanOrEqualTo(storedTxs + 1 + 25);
  }

  /** Polls the head until told to stop; records each new number, checks it against the table. */
  private Void observe(AtomicBoolean observing, List<Long> seen, List<String> problems)
      throws InterruptedException {
    long previous = head.current().number();
    while (observing.get()) {
      ChainHead.Head now = head.snapshot();
      long number = now.header().number();
      if (number != previous) {
        if (number < previous) {
          problems.add("head went back from " + previous + " to " + number);
        }
        List<byte[]> stored =
            jdbc.queryForList("SELECT hash FROM blocks WHERE number = ?", byte[].class, number);
        if (stored.size() != 1
            || !Hash.of(Bytes.of(stored.getFirst())).equals(now.header().hash())) {
          problems.add("head " + number + " published before its commit or with another hash");
        }
        seen.add(number);
        previous = number;
      }
      Thread.sleep(1);
    }
    return null;
  }

  private long storedHead() {
    return jdbc.queryForObject("SELECT max(number) FROM blocks", Long.class);
  }

  private long publishedBlocks() {
    return (long) meters.get("paraseq.producer.blocks").counter().count();
  }

  /** Sends nonces {@code from} … {@code from + count - 1} of the chosen senders, in nonce order. */
  private static Void send(
      RawTransactionSender client,
      List<List<Bytes>> signed,
      java.util.function.IntPredicate senders,
      int from,
      int count)
      throws InterruptedException {
    for (int nonce = from; nonce < from + count; nonce++) {
      for (int s = 0; s < SENDERS; s++) {
        if (senders.test(s)) {
          Answer answer = client.sendUntilAnswered(signed.get(s).get(nonce));
          assertThat(answer)
              .as("sender %d nonce %d", s + 1, nonce)
              .isInstanceOf(Answer.Accepted.class);
        }
      }
    }
    return null;
  }

  private void awaitStored(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class) >= count
          && ChainTables.pooled(jdbc).isEmpty()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not all " + count + " transactions were stored within " + timeout);
  }
}
