package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.pool.AddOutcome;
import io.paraseq.sequencer.pool.PooledTransaction;
import io.paraseq.sequencer.pool.TxPool;
import io.paraseq.sequencer.store.PoolStore;
import io.paraseq.sequencer.store.PoolWrite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the mempool: group commit of verified transactions.
 *
 * <p><b>Threads.</b> One platform thread, {@code paraseq-pool-writer}, owns the {@link TxPool}
 * (every pool access asserts it) and is the only writer of the pool table. Other threads talk to it
 * through a bounded queue of submissions ({@link #submit}, a verified transaction) and a queue of
 * calls ({@link #call}: any read or change of the pool, run in call order on the writer thread
 * between two batches, ahead of the submissions still waiting).
 *
 * <p><b>Batching.</b> The writer takes what is queued, up to {@code maxBatch} submissions, applies
 * {@link TxPool#add} to each in arrival order, writes the batch's net change (new rows; rows of
 * replaced and evicted transactions deleted) in one database transaction, and only after the commit
 * completes the batch's futures: many acknowledgements per WAL flush. Each eviction of an
 * acknowledged transaction (outbid in a full pool, or expired) is counted and logged at WARN with
 * its hash. A {@link #call} waits for the batch in hand at most, never for the whole queue (the
 * block producer's selection is one), and sees every acknowledged transaction.
 *
 * <p><b>Failure.</b> If the write fails, nothing of the batch is acknowledged: its pool changes are
 * undone in reverse (each added transaction removed, what it replaced or evicted re-admitted with
 * its original receive time, {@link TxPool#readmit}, which never refuses for room) and every future
 * of the batch fails with {@link IngressUnavailableException}; rejections in the batch fail too,
 * since an undone transaction may have caused them. Restored transactions get new in-memory arrival
 * numbers; their rows (never deleted, the transaction rolled back) keep their arrival order for the
 * next start.
 */
final class PoolWriter {

  private static final Logger log = LoggerFactory.getLogger(PoolWriter.class);

  private final TxPool pool;
  private final PoolStore store;
  private final AccountStateSource accounts;
  private final Clock clock;

  /** How often queued transactions are checked against the pool's lifetime. */
  static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(1);

  /** When the writer next runs expiry; written and read only by the writer thread. */
  private Instant nextExpiry = Instant.MIN;

  private final IngressMetrics metrics;
  private final int maxBatch;
  private final BlockingQueue<Work> queue;

  /** {@link #WAKE} markers in the queue, left out of the queue-depth gauge. */
  private final AtomicInteger wakeMarkers = new AtomicInteger();

  /** Calls ({@link #call}), run by the writer before its next batch. */
  private final Queue<Task> calls = new ConcurrentLinkedQueue<>();

  private final Thread thread;
  private volatile boolean running = true;

  PoolWriter(
      TxPool pool,
      PoolStore store,
      AccountStateSource accounts,
      Clock clock,
      IngressMetrics metrics,
      int maxBatch,
      int queueCapacity) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.store = Objects.requireNonNull(store, "store");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.maxBatch = maxBatch;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.thread = Thread.ofPlatform().name("paraseq-pool-writer").unstarted(this::loop);
    metrics.queueDepth(() -> Math.max(0, queue.size() - wakeMarkers.get()));
  }

  void start() {
    thread.start();
  }

  /**
   * Queues a verified transaction. The future completes after the batch's commit; it is {@link
   * IngressResult.Busy} at once when the queue is full.
   */
  CompletableFuture<IngressResult> submit(VerifiedTransaction tx) {
    CompletableFuture<IngressResult> result = new CompletableFuture<>();
    if (!running) {
      result.completeExceptionally(new IngressUnavailableException("ingress is shutting down"));
    } else if (!queue.offer(new Submission(tx, result))) {
      result.complete(new IngressResult.Busy("pool"));
    }
    return result;
  }

  /**
   * Runs {@code action} on the writer thread ahead of the submissions still queued: after the batch
   * being committed, if any, before the next one. It sees every acknowledged transaction (an
   * acknowledgement follows its commit) but not necessarily those submitted and not yet answered.
   * Calls run in the order they were made. The block producer's selection waits this way for one
   * batch at most, never behind the whole ingress queue.
   */
  <T> CompletableFuture<T> call(Function<TxPool, T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Task task =
        new Task(
            () -> {
              try {
                result.complete(action.apply(pool));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            result::completeExceptionally);
    if (!running) {
      result.completeExceptionally(new IngressUnavailableException("ingress is shutting down"));
    } else {
      calls.add(task);
      // Wakes a writer waiting on an empty queue; a full queue means it is busy and soon looks.
      if (queue.offer(WAKE)) {
        wakeMarkers.incrementAndGet();
      }
    }
    return result;
  }

  /** Stops taking work, finishes what is queued, and waits for the thread up to {@code timeout}. */
  void stop(Duration timeout) throws InterruptedException {
    running = false;
    thread.join(timeout);
  }

  private void loop() {
    List<Work> drained = new ArrayList<>(maxBatch);
    nextExpiry = clock.instant().plus(EXPIRY_INTERVAL);
    while (running || !queue.isEmpty() || !calls.isEmpty()) {
      try {
        runCalls();
        expireIfDue();
        Work first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        drained.add(first);
        queue.drainTo(drained, maxBatch - 1);
        wakeMarkers.addAndGet(-(int) drained.stream().filter(w -> w == WAKE).count());
        process(drained);
      } catch (InterruptedException e) {
        log.warn("pool writer interrupted; stopping with queued={}", queue.size());
        Thread.currentThread().interrupt();
        failAll(drained, new IngressUnavailableException("pool writer interrupted"));
        break;
      } catch (RuntimeException e) {
        // A bug: fail what is in hand (never acknowledged) and keep serving.
        log.error("pool writer failed on a batch of {}", drained.size(), e);
        failAll(drained, new IngressUnavailableException("pool writer failed", e));
      } finally {
        drained.clear();
      }
    }
    List<Work> left = new ArrayList<>();
    queue.drainTo(left);
    for (Task task = calls.poll(); task != null; task = calls.poll()) {
      left.add(task);
    }
    failAll(left, new IngressUnavailableException("ingress is shutting down"));
  }

  /** Runs the calls made so far, in order, on the writer thread. */
  private void runCalls() {
    for (Task task = calls.poll(); task != null; task = calls.poll()) {
      assertOwner();
      try {
        task.action().run();
      } catch (RuntimeException e) {
        task.fail().accept(e);
      }
    }
  }

  /**
   * Once per {@link #EXPIRY_INTERVAL}: drops queued transactions older than the pool's lifetime and
   * deletes their rows. A failed delete leaves rows that the next start restores and this expires
   * again; the pool itself is already consistent.
   */
  private void expireIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextExpiry)) {
      return;
    }
    nextExpiry = now.plus(EXPIRY_INTERVAL);
    assertOwner();
    List<PooledTransaction> expired = pool.expire(now);
    if (expired.isEmpty()) {
      return;
    }
    try {
      store.apply(new PoolWrite(expired.stream().map(PooledTransaction::hash).toList(), List.of()));
    } catch (RuntimeException e) {
      log.error("pool expiry: deleting {} expired rows failed", expired.size(), e);
    }
    evicted(expired, IngressMetrics.Eviction.EXPIRED, Optional.empty());
    metrics.poolSize(pool.pendingCount(), pool.queuedCount());
    log.info(
        "pool expired={} pending={} queued={}",
        expired.size(),
        pool.pendingCount(),
        pool.queuedCount());
  }

  private void process(List<Work> drained) {
    List<Submission> batch = new ArrayList<>(drained.size());
    for (Work work : drained) {
      if (work instanceof Submission submission) {
        batch.add(submission);
      }
    }
    commit(batch);
  }

  /** Applies a batch to the pool, writes it in one transaction, then answers it. */
  private void commit(List<Submission> batch) {
    if (batch.isEmpty()) {
      return;
    }
    assertOwner();
    Instant now = clock.instant();
    List<AddOutcome> outcomes = new ArrayList<>(batch.size());
    long started = System.nanoTime();
    try {
      for (Submission s : batch) {
        VerifiedTransaction tx = s.transaction();
        outcomes.add(pool.add(tx, accounts.account(tx.sender()), now));
      }
      store.apply(netWrite(outcomes));
    } catch (RuntimeException e) {
      undo(outcomes);
      log.error(
          "ingress batch failed, undone: size={} applied={} pending={} queued={}",
          batch.size(),
          outcomes.size(),
          pool.pendingCount(),
          pool.queuedCount(),
          e);
      metrics.failed(batch.size());
      IngressUnavailableException failure =
          new IngressUnavailableException("the pool table write failed; not accepted", e);
      batch.forEach(s -> s.result().completeExceptionally(failure));
      return;
    }
    Duration commitTime = Duration.ofNanos(System.nanoTime() - started);
    metrics.batch(batch.size(), commitTime);
    for (AddOutcome outcome : outcomes) {
      if (outcome instanceof AddOutcome.Accepted a && !a.evicted().isEmpty()) {
        evicted(a.evicted(), IngressMetrics.Eviction.OUTBID, Optional.of(a.transaction()));
      }
    }
    metrics.poolSize(pool.pendingCount(), pool.queuedCount());
    int accepted = 0;
    for (int i = 0; i < batch.size(); i++) {
      IngressResult result =
          switch (outcomes.get(i)) {
            case AddOutcome.Accepted a -> new IngressResult.Accepted(a.transaction().hash());
            case AddOutcome.Rejected r -> new IngressResult.PoolRefused(r.reason(), r.detail());
          };
      if (result instanceof IngressResult.Rejected rejected) {
        metrics.rejected(rejected);
      } else {
        metrics.accepted();
        accepted++;
      }
      batch.get(i).result().complete(result);
    }
    log.debug(
        "ingress batch size={} accepted={} rejected={} commit_ms={} pending={} queued={}",
        batch.size(),
        accepted,
        batch.size() - accepted,
        commitTime.toMillis(),
        pool.pendingCount(),
        pool.queuedCount());
  }

  /**
   * Makes evictions of acknowledged transactions visible: the {@code paraseq.pool.evicted} counter
   * and one WARN line each with the hash (a lookup of that hash now finds nothing; its row is
   * gone). Logged after the commit only: an undone batch evicted nothing.
   */
  private void evicted(
      List<PooledTransaction> gone,
      IngressMetrics.Eviction reason,
      Optional<PooledTransaction> by) {
    metrics.evicted(reason, gone.size());
    for (PooledTransaction tx : gone) {
      log.warn(
          "pool evicted tx={} sender={} nonce={} reason={}{}",
          tx.hash(),
          tx.sender(),
          Long.toUnsignedString(tx.nonce()),
          reason.tag(),
          by.map(newcomer -> " by=" + newcomer.hash()).orElse(""));
    }
  }

  /**
   * The batch's net change: a transaction added and then replaced or evicted within the batch is
   * neither inserted nor deleted.
   */
  static PoolWrite netWrite(List<AddOutcome> outcomes) {
    Map<Hash, PooledTransaction> inserts = new LinkedHashMap<>();
    List<Hash> deletes = new ArrayList<>();
    for (AddOutcome outcome : outcomes) {
      if (outcome instanceof AddOutcome.Accepted a) {
        List<PooledTransaction> gone = new ArrayList<>(a.evicted());
        a.replaced().ifPresent(gone::add);
        for (PooledTransaction tx : gone) {
          if (inserts.remove(tx.hash()) == null) {
            deletes.add(tx.hash());
          }
        }
        inserts.put(a.transaction().hash(), a.transaction());
      }
    }
    return new PoolWrite(deletes, List.copyOf(inserts.values()));
  }

  /** Reverts the pool to its state before the batch, last change first. */
  private void undo(List<AddOutcome> outcomes) {
    for (int i = outcomes.size() - 1; i >= 0; i--) {
      if (!(outcomes.get(i) instanceof AddOutcome.Accepted a)) {
        continue;
      }
      pool.remove(a.transaction().hash());
      List<PooledTransaction> back = new ArrayList<>();
      a.replaced().ifPresent(back::add);
      back.addAll(a.evicted().reversed());
      for (PooledTransaction tx : back) {
        AddOutcome again =
            pool.readmit(tx.verified(), accounts.account(tx.sender()), tx.receivedAt());
        boolean exact =
            again instanceof AddOutcome.Accepted r
                && r.evicted().isEmpty()
                && r.replaced().isEmpty();
        if (!exact) {
          metrics.undoInexact();
          log.error("undo could not restore tx={} outcome={}", tx.hash(), again);
        }
      }
    }
  }

  private void assertOwner() {
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(
          "the pool is owned by " + thread.getName() + ", not " + Thread.currentThread().getName());
    }
  }

  private static void failAll(List<Work> work, IngressUnavailableException failure) {
    for (Work w : work) {
      switch (w) {
        case Submission s -> s.result().completeExceptionally(failure);
        case Task t -> t.fail().accept(failure);
      }
    }
  }

  private sealed interface Work permits Submission, Task {}

  private record Submission(
      VerifiedTransaction transaction, CompletableFuture<IngressResult> result) implements Work {}

  private record Task(Runnable action, Consumer<Throwable> fail) implements Work {}

  /** Put in the queue by {@link #call} only to wake the writer; does nothing itself. */
  private static final Task WAKE = new Task(() -> {}, e -> {});
}
