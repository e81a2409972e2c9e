package io.paraseq.sequencer.ingress;

import static io.paraseq.sequencer.ingress.IngressTransactions.VALIDATOR;
import static io.paraseq.sequencer.ingress.IngressTransactions.funded;
import static io.paraseq.sequencer.ingress.IngressTransactions.hash;
import static io.paraseq.sequencer.ingress.IngressTransactions.sender;
import static io.paraseq.sequencer.ingress.IngressTransactions.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.pool.AccountState;
import io.paraseq.sequencer.pool.PoolLimits;
import io.paraseq.sequencer.pool.PoolRejection;
import io.paraseq.sequencer.pool.TxPool;
import io.paraseq.sequencer.store.PoolStore;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The ingress pipeline and its pool writer against a real pool table: group commit, net writes of
 * replacements, undo on a failed write, restore at start, back-pressure. The writer is held on a
 * latch (a task on its own queue) so that batches form deterministically.
 */
class IngressServiceTest {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  private final PoolStore store = new PoolStore(db.dataSource());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void emptyTable() throws SQLException {
    sql("DELETE FROM pool_transactions");
  }

  @Test
  void aPoolReadRunsAheadOfQueuedSubmissions() throws Exception {
    try (IngressService ingress = started(funded(20), PoolLimits.DEFAULTS, 1000, 512)) {
      CountDownLatch release = hold(ingress);
      List<CompletableFuture<IngressResult>> results = new ArrayList<>();
      for (int s = 1; s <= 20; s++) {
        results.add(ingress.submit(transfer(s, 0, 1_000_000_000L)));
      }
      awaitQueued(20);
      CompletableFuture<Integer> pendingSeen = ingress.readPool(pool -> pool.pendingCount());
      release.countDown();

      // The read did not wait for the 20 queued submissions (none was answered yet) ...
      assertThat(pendingSeen.get(10, TimeUnit.SECONDS)).isZero();
      // ... which are all committed afterwards, and a later read sees them.
      for (CompletableFuture<IngressResult> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(IngressResult.Accepted.class);
      }
      assertThat(ingress.readPool(pool -> pool.pendingCount()).get()).isEqualTo(20);
    }
  }

  @Test
  void groupCommitsEverythingQueuedWhileTheWriterWasBusy() throws Exception {
    try (IngressService ingress = started(funded(20), PoolLimits.DEFAULTS, 1000, 512)) {
      CountDownLatch release = hold(ingress);
      List<CompletableFuture<IngressResult>> results = new ArrayList<>();
      List<Hash> hashes = new ArrayList<>();
      for (int nonce = 0; nonce < 10; nonce++) {
        for (int s = 1; s <= 20; s++) {
          Bytes raw = transfer(s, nonce, 1_000_000_000L);
          hashes.add(hash(raw));
          results.add(ingress.submit(raw));
        }
      }
      awaitQueued(200);
      assertThat(store.count()).isZero();
      release.countDown();
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get(10, TimeUnit.SECONDS))
            .isEqualTo(new IngressResult.Accepted(hashes.get(i)));
      }
      assertThat(store.count()).isEqualTo(200);
      assertThat(registry.get("paraseq.ingress.batch.size").summary().count()).isEqualTo(1);
      assertThat(registry.get("paraseq.ingress.batch.size").summary().max()).isEqualTo(200);
      assertThat(ingress.readPool(pool -> pool.pendingNonce(sender(7), 0)).get()).isEqualTo(10);
      // Verification is parallel, so arrival is the order in which verification finished.
      List<Hash> loaded = store.loadAll().stream().map(r -> r.hash()).toList();
      assertThat(loaded).containsExactlyInAnyOrderElementsOf(hashes);
    }
  }

  @Test
  void queuedTransactionsExpireOnTheWriterAndTheirRowsAreDeleted() throws Exception {
    SteppingClock clock = new SteppingClock(Instant.parse("2025-01-01T00:00:00Z"));
    try (IngressService ingress = started(funded(1), PoolLimits.DEFAULTS, 100, 512, clock)) {
      Bytes pending = transfer(1, 0, 1_000);
      Bytes queued = transfer(1, 5, 1_000); // a nonce gap: queued
      assertThat(ingress.submit(pending).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(ingress.submit(queued).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(store.count()).isEqualTo(2);

      clock.advance(PoolLimits.DEFAULTS.lifetime().plus(PoolWriter.EXPIRY_INTERVAL));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (store.count() > 1) {
        assertThat(System.nanoTime()).as("expiry never ran").isLessThan(deadline);
        Thread.sleep(10);
      }
      assertThat(store.loadAll()).extracting(r -> r.hash()).containsExactly(hash(pending));
      assertThat(ingress.readPool(pool -> pool.get(hash(queued)).isPresent()).get()).isFalse();
      assertThat(ingress.readPool(pool -> pool.pendingCount()).get()).isEqualTo(1);
      assertThat(evicted("expired")).isEqualTo(1);
    }
  }

  /** A clock the test moves forward; read by the writer thread. */
  private static final class SteppingClock extends Clock {
    private volatile Instant now;

    SteppingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aReplacementInTheSameBatchWritesOnlyTheWinner() throws Exception {
    try (IngressService ingress = started(funded(1), PoolLimits.DEFAULTS, 100, 512)) {
      CountDownLatch release = hold(ingress);
      Bytes first = transfer(1, 0, 1_000);
      Bytes second = transfer(1, 0, 2_000);
      CompletableFuture<IngressResult> a = ingress.submit(first);
      awaitQueued(1);
      CompletableFuture<IngressResult> b = ingress.submit(second);
      awaitQueued(2);
      release.countDown();
      assertThat(a.get(10, TimeUnit.SECONDS)).isInstanceOf(IngressResult.Accepted.class);
      assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(new IngressResult.Accepted(hash(second)));
      assertThat(store.loadAll()).extracting(r -> r.hash()).containsExactly(hash(second));
    }
  }

  @Test
  void aReplacementInALaterBatchDeletesTheOldRow() throws Exception {
    try (IngressService ingress = started(funded(1), PoolLimits.DEFAULTS, 100, 512)) {
      Bytes first = transfer(1, 0, 1_000);
      Bytes second = transfer(1, 0, 2_000);
      Bytes underpriced = transfer(1, 0, 2_100);
      assertThat(ingress.submit(first).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(ingress.submit(second).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(ingress.submit(underpriced).get())
          .isInstanceOfSatisfying(
              IngressResult.PoolRefused.class,
              r -> assertThat(r.reason().text()).isEqualTo("replacement transaction underpriced"));
      assertThat(ingress.submit(second).get())
          .isInstanceOfSatisfying(
              IngressResult.PoolRefused.class,
              r -> assertThat(r.reason().text()).isEqualTo("already known"));
      assertThat(store.loadAll()).extracting(r -> r.hash()).containsExactly(hash(second));
    }
  }

  @Test
  void aFailedWriteAcknowledgesNothingAndUndoesReplacementsAndEvictions() throws Exception {
    // Two pending slots in all: a third pending transaction that pays 10 % more evicts sender 1's
    // second one.
    PoolLimits tight = new PoolLimits(1, 1, 2, 1, Duration.ofHours(3), 10);
    try (IngressService ingress = started(funded(3), tight, 100, 512)) {
      Bytes s1n0 = transfer(1, 0, 1_000);
      Bytes s1n1 = transfer(1, 1, 1_000);
      assertThat(ingress.submit(s1n0).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(ingress.submit(s1n1).get()).isInstanceOf(IngressResult.Accepted.class);

      sql("ALTER TABLE pool_transactions RENAME TO pool_transactions_away");
      Bytes replacement = transfer(1, 0, 5_000);
      Bytes evictor = transfer(2, 0, 1_100);
      CountDownLatch release = hold(ingress);
      CompletableFuture<IngressResult> r1 = ingress.submit(replacement);
      awaitQueued(1);
      CompletableFuture<IngressResult> r2 = ingress.submit(evictor);
      awaitQueued(2);
      release.countDown();
      assertFailsUnavailable(r1);
      assertFailsUnavailable(r2);
      assertThat(registry.get("paraseq.ingress.undo.inexact").counter().count()).isZero();
      assertThat(evicted("outbid")).isZero();

      // The pool is as before the batch: both of sender 1's, none of the batch's.
      assertThat(ingress.readPool(pool -> present(pool, s1n0, s1n1, replacement, evictor)).get())
          .containsExactly(true, true, false, false);
      assertThat(ingress.readPool(pool -> pool.pendingNonce(sender(1), 0)).get()).isEqualTo(2);
      assertThat(ingress.readPool(pool -> pool.pendingNonce(sender(2), 0)).get()).isZero();

      sql("ALTER TABLE pool_transactions_away RENAME TO pool_transactions");
      assertThat(store.loadAll()).extracting(r -> r.hash()).containsExactly(hash(s1n0), hash(s1n1));
      // Sent again, the same transactions now commit, with the replacement and eviction written.
      assertThat(ingress.submit(replacement).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(ingress.submit(evictor).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(store.loadAll())
          .extracting(r -> r.hash())
          .containsExactly(hash(replacement), hash(evictor));
    }
  }

  @Test
  void aFullPoolRefusesAnEqualFeeAndAnOutbiddingNewcomerEvictsVisibly() throws Exception {
    PoolLimits tight = new PoolLimits(1, 1, 2, 1, Duration.ofHours(3), 10);
    Logger logger = (Logger) LoggerFactory.getLogger(PoolWriter.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try (IngressService ingress = started(funded(3), tight, 100, 512)) {
      Bytes s1n0 = transfer(1, 0, 1_000);
      Bytes s1n1 = transfer(1, 1, 1_000);
      assertThat(ingress.submit(s1n0).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(ingress.submit(s1n1).get()).isInstanceOf(IngressResult.Accepted.class);

      // Same price: refused, back-pressure; sender 1 keeps both acknowledged transactions.
      assertThat(ingress.submit(transfer(2, 0, 1_000)).get())
          .isInstanceOfSatisfying(
              IngressResult.PoolRefused.class,
              r -> assertThat(r.reason()).isEqualTo(PoolRejection.POOL_FULL));
      assertThat(store.loadAll()).extracting(r -> r.hash()).containsExactly(hash(s1n0), hash(s1n1));
      assertThat(evicted("outbid")).isZero();

      // 10 % more: sender 1's tail (beyond its one guaranteed slot) is evicted, row and all.
      Bytes evictor = transfer(2, 0, 1_100);
      assertThat(ingress.submit(evictor).get()).isInstanceOf(IngressResult.Accepted.class);
      assertThat(store.loadAll())
          .extracting(r -> r.hash())
          .containsExactly(hash(s1n0), hash(evictor));
      assertThat(ingress.readPool(pool -> pool.get(hash(s1n1)).isPresent()).get()).isFalse();
      assertThat(evicted("outbid")).isEqualTo(1);
      assertThat(lines.list)
          .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
          .contains(
              tuple(
                  Level.WARN,
                  "pool evicted tx="
                      + hash(s1n1)
                      + " sender="
                      + sender(1)
                      + " nonce=1 reason=outbid by="
                      + hash(evictor)));
    } finally {
      logger.detachAppender(lines);
    }
  }

  @Test
  void aRetryOfATransactionRefusedForRoomSkipsVerificationAndIsAcceptedOnceThereIsRoom()
      throws Exception {
    PoolLimits tight = new PoolLimits(1, 1, 2, 1, Duration.ofHours(3), 10);
    try (IngressService ingress = started(funded(3), tight, 100, 512)) {
      assertThat(ingress.submit(transfer(1, 0, 1_000)).get())
          .isInstanceOf(IngressResult.Accepted.class);
      assertThat(ingress.submit(transfer(1, 1, 1_000)).get())
          .isInstanceOf(IngressResult.Accepted.class);
      Bytes waiting = transfer(2, 0, 1_000);
      assertThat(ingress.submit(waiting).get()).isInstanceOf(IngressResult.PoolRefused.class);
      assertThat(retriesCached()).isZero();

      // The retry is refused again (still full) without a second verification.
      assertThat(ingress.submit(waiting).get())
          .isInstanceOfSatisfying(
              IngressResult.PoolRefused.class,
              r -> assertThat(r.reason()).isEqualTo(PoolRejection.POOL_FULL));
      assertThat(retriesCached()).isEqualTo(1);

      // A block takes sender 1's transactions: the next retry is accepted, and forgotten.
      ingress.readPool(pool -> pool.onNewNonces(Map.of(sender(1), 2L))).get();
      assertThat(ingress.submit(waiting).get())
          .isEqualTo(new IngressResult.Accepted(hash(waiting)));
      assertThat(retriesCached()).isEqualTo(2);
      assertThat(ingress.submit(waiting).get())
          .isInstanceOfSatisfying(
              IngressResult.PoolRefused.class,
              r -> assertThat(r.reason()).isEqualTo(PoolRejection.ALREADY_KNOWN));
      assertThat(retriesCached()).isEqualTo(2);
      assertThat(store.loadAll()).extracting(r -> r.hash()).contains(hash(waiting));
    }
  }

  private double retriesCached() {
    return registry.get("paraseq.ingress.retry.cached").counter().count();
  }

  @Test
  void theRestoreKeepsEveryAcknowledgedRowWhenTheLimitsShrank() throws Exception {
    try (IngressService ingress = started(funded(2), PoolLimits.DEFAULTS, 100, 512)) {
      for (int nonce = 0; nonce < 3; nonce++) {
        assertThat(ingress.submit(transfer(1, nonce, 1_000)).get())
            .isInstanceOf(IngressResult.Accepted.class);
      }
      assertThat(ingress.submit(transfer(2, 5, 1_000)).get())
          .isInstanceOf(IngressResult.Accepted.class);
    }
    PoolLimits smaller = new PoolLimits(1, 1, 1, 1, Duration.ofHours(3), 10);
    try (IngressService ingress = started(funded(2), smaller, 100, 512)) {
      assertThat(ingress.readPool(pool -> pool.pendingCount()).get()).isEqualTo(3);
      assertThat(ingress.readPool(pool -> pool.queuedCount()).get()).isEqualTo(1);
      assertThat(store.count()).isEqualTo(4);
      // Over its limits, the pool refuses newcomers until blocks drain it.
      assertThat(ingress.submit(transfer(2, 0, 1_000)).get())
          .isInstanceOfSatisfying(
              IngressResult.PoolRefused.class,
              r -> assertThat(r.reason()).isEqualTo(PoolRejection.POOL_FULL));
    }
  }

  @Test
  void restoresThePoolAtStartAndDropsRowsThatNoLongerPass() throws Exception {
    GenesisAccounts accounts = funded(2);
    try (IngressService ingress = started(accounts, PoolLimits.DEFAULTS, 100, 512)) {
      for (int nonce = 0; nonce < 3; nonce++) {
        assertThat(ingress.submit(transfer(1, nonce, 1_000)).get())
            .isInstanceOf(IngressResult.Accepted.class);
      }
      assertThat(ingress.submit(transfer(2, 0, 1_000)).get())
          .isInstanceOf(IngressResult.Accepted.class);
    }
    // Sender 2's transaction was included meanwhile: its nonce moved on.
    accounts.set(sender(2), new AccountState(1, BigInteger.TEN.pow(24)));
    try (IngressService ingress = started(accounts, PoolLimits.DEFAULTS, 100, 512)) {
      assertThat(ingress.readPool(pool -> pool.pendingNonce(sender(1), 0)).get()).isEqualTo(3);
      assertThat(ingress.readPool(pool -> pool.pendingCount()).get()).isEqualTo(3);
      assertThat(store.count()).isEqualTo(3);
      assertThat(ingress.submit(transfer(1, 3, 1_000)).get())
          .isInstanceOf(IngressResult.Accepted.class);
    }
  }

  @Test
  void refusesWithBusyWhenTheQueuesAreFull() throws Exception {
    try (IngressService ingress = started(funded(40), PoolLimits.DEFAULTS, 4, 512)) {
      CountDownLatch release = hold(ingress);
      List<CompletableFuture<IngressResult>> results = new ArrayList<>();
      for (int s = 1; s <= 40; s++) {
        results.add(ingress.submit(transfer(s, 0, 1_000)));
      }
      // Of the 4 slots, the held call's wake marker takes one; the gauge counts submissions.
      awaitQueued(3);
      release.countDown();
      long busy = 0;
      for (CompletableFuture<IngressResult> r : results) {
        IngressResult result = r.get(10, TimeUnit.SECONDS);
        if (result instanceof IngressResult.Busy) {
          busy++;
        } else {
          assertThat(result).isInstanceOf(IngressResult.Accepted.class);
        }
      }
      assertThat(busy).isGreaterThanOrEqualTo(40 - 4 - 4 - 2);
      assertThat(store.count()).isEqualTo(40 - busy);
    }
  }

  @Test
  void refusesOversizedAndInvalidTransactionsBeforeThePool() throws Exception {
    try (IngressService ingress = started(funded(1), PoolLimits.DEFAULTS, 100, 512)) {
      Bytes big = Bytes.of(new byte[128 * 1024 + 1]);
      assertThat(ingress.submit(big).get())
          .isEqualTo(new IngressResult.Oversized(128 * 1024 + 1, 128 * 1024));
      assertThat(ingress.submit(Bytes.fromHex("0x03c0")).get())
          .isInstanceOf(IngressResult.Invalid.class);
      assertThat(store.count()).isZero();
    }
  }

  private double evicted(String reason) {
    return registry.get("paraseq.pool.evicted").tag("reason", reason).counter().count();
  }

  private static List<Boolean> present(TxPool pool, Bytes... raws) {
    List<Boolean> out = new ArrayList<>();
    for (Bytes raw : raws) {
      out.add(pool.get(hash(raw)).isPresent());
    }
    return out;
  }

  private static void assertFailsUnavailable(CompletableFuture<IngressResult> result) {
    assertThat(result)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(IngressUnavailableException.class);
  }

  private IngressService started(
      GenesisAccounts accounts, PoolLimits limits, int queueCapacity, int maxBatch) {
    return started(accounts, limits, queueCapacity, maxBatch, CLOCK);
  }

  private IngressService started(
      GenesisAccounts accounts, PoolLimits limits, int queueCapacity, int maxBatch, Clock clock) {
    IngressService ingress =
        new IngressService(
            VALIDATOR,
            new TxPool(limits, BigInteger.ONE),
            store,
            accounts,
            clock,
            new IngressMetrics(registry),
            new IngressProperties(DataSize.ofKilobytes(128), 2, queueCapacity, maxBatch));
    ingress.start();
    return ingress;
  }

  /** Parks the writer thread on a latch, so submissions queue up behind it. */
  private static CountDownLatch hold(IngressService ingress) throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ingress.readPool(
        pool -> {
          entered.countDown();
          try {
            return release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new CompletionException(e);
          }
        });
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    return release;
  }

  /** Waits until the writer's queue holds {@code count} submissions (verification is async). */
  private void awaitQueued(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (registry.get("paraseq.ingress.queue.depth").gauge().value() < count) {
      assertThat(System.nanoTime()).as("queue never reached %d", count).isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
