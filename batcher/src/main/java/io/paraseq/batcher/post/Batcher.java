package io.paraseq.batcher.post;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.batcher.build.BatchBuilder;
import io.paraseq.batcher.build.BatchEncoding;
import io.paraseq.batcher.build.BuiltBatch;
import io.paraseq.batcher.build.CloseRule;
import io.paraseq.batcher.build.MaxAgeRule;
import io.paraseq.batcher.build.MaxBlocksRule;
import io.paraseq.batcher.build.MaxBytesRule;
import io.paraseq.batcher.build.SealedBlocks;
import io.paraseq.batcher.l1.L1TransactionManager;
import io.paraseq.batcher.l1.L1TxStore;
import io.paraseq.batcher.l1.L1UnavailableException;
import io.paraseq.batcher.l1.RollupView;
import io.paraseq.batcher.l1.RollupView.RollupState;
import io.paraseq.batcher.support.PollingLoop;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.types.Hash;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batcher: turns sealed L2 blocks into batches and gets each onto L1 exactly once.
 *
 * <p>Each {@link #tick}: at the first one (and until it succeeds) reconcile the stored batches with
 * the {@code Rollup} contract ({@link Reconciler}); let the L1 transaction manager move its intents
 * ({@link L1TransactionManager#poll}); mirror their status into the batch rows ({@link
 * StatusFollower}); mark confirmed batches final once the contract says so; publish {@link
 * BatchProgress}; then, while fewer than {@code maxInFlight} batches wait for L1 inclusion (built,
 * sent or reorged; included ones waiting for their confirmation depth do not count), build the next
 * batch ({@link BatchBuilder}), store it and submit it (in that order: a crash in between is
 * repaired by the next start's reconciliation, with the same bytes); when it built any, poll the
 * manager once more so they are signed and sent in the same tick, not one poll interval later.
 *
 * <p><b>Address registry.</b> Batches are encoded (format v2) against the address registry after
 * the last stored batch, loaded at construction; a batch's registry appends are stored in the same
 * transaction as its row, then appended in memory. Stored batches are never re-encoded (a re-post
 * sends the stored bytes), so the registry follows the order the batches take on L1. After a failed
 * store the registry is read again before the next build (the commit may have happened). Batches
 * stored before the registry existed (migration V10) rebuild it from their data at construction.
 *
 * <p>The next batch's seq, previous root and first block come from the last stored batch (or, with
 * none, from the contract: seq 0, the genesis root, block 1), so a batch with another seq than the
 * next expected one is never built. A reverted {@code appendBatch} or a disagreement with L1 halts
 * the batcher: nothing more is polled or posted, {@code paraseq.batcher.halted} is 1, and one error
 * line says why; an operator must act (batcher/README.md).
 *
 * <p>Threads: the loop thread that {@link #start} creates (or a test's thread) runs {@link #tick},
 * one at a time, and owns the manager's {@code poll}; {@link #progress} and {@link #halted} may be
 * read from any thread. The node's block producer is never touched: blocks are read through the
 * {@link SealedBlocks} port.
 */
public final class Batcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Batcher.class);

  private final SealedBlocks blocks;
  private final BatchStore store;
  private final L1TransactionManager manager;
  private final RollupView rollup;
  private final BatcherConfig config;
  private final int maxInFlight;
  private final Clock clock;
  private final BatchProgress progress;
  private final BatcherMetrics metrics;
  private final PostingLag lag;
  private final BatchBuilder builder;
  private final BatchSubmitter submitter;
  private final Reconciler reconciler;
  private final StatusFollower follower;
  private final ReentrantLock tickLock = new ReentrantLock();
  private volatile Optional<String> haltReason = Optional.empty();
  private Optional<RollupState> reconciled = Optional.empty();
  private AddressRegistry registry;
  private boolean registryStale;
  private boolean failing;
  private ScheduledExecutorService loop;

  /**
   * A batcher reading {@code blocks}, storing in {@code store}, posting through {@code manager} to
   * the contract {@code rollup} reads, publishing to {@code progress}.
   *
   * @param maxInFlight the most batches built and not yet confirmed (the manager's {@code
   *     maxInFlight})
   */
  public Batcher(
      SealedBlocks blocks,
      BatchEncoding encoding,
      BatchStore store,
      L1TransactionManager manager,
      RollupView rollup,
      BatcherConfig config,
      int maxInFlight,
      Clock clock,
      BatchProgress progress,
      MeterRegistry registry) {
    this.blocks = Objects.requireNonNull(blocks, "blocks");
    this.store = Objects.requireNonNull(store, "store");
    this.manager = Objects.requireNonNull(manager, "manager");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.config = Objects.requireNonNull(config, "config");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be positive: " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.lag = new PostingLag(blocks, clock);
    this.metrics = new BatcherMetrics(registry, progress, lag);
    List<CloseRule> rules =
        List.of(
            new MaxBytesRule(config.maxBytes()),
            new MaxBlocksRule(config.maxBlocks()),
            new MaxAgeRule(config.maxAge()));
    this.builder = new BatchBuilder(blocks, encoding, config.maxBytes(), config.maxBlocks(), rules);
    this.submitter = new BatchSubmitter(manager, rollup.address());
    this.reconciler = new Reconciler(store, rollup, blocks, submitter, manager);
    this.follower = new StatusFollower(store, manager, submitter, metrics, clock);
    this.registry = store.loadOrRebuildRegistry(encoding.chainId());
    progress.update(store.confirmedThrough(), store.finalizedThrough());
  }

  /** How far the chain is confirmed and final on L1. */
  public BatchProgress progress() {
    return progress;
  }

  /** Why posting is halted, if it is. */
  public Optional<String> halted() {
    return haltReason;
  }

  /**
   * One iteration (see the class comment).
   *
   * @throws L1UnavailableException if L1 cannot be asked (the next tick tries again)
   * @throws IllegalStateException if another thread is in a tick
   */
  public void tick() {
    if (!tickLock.tryLock()) {
      throw new IllegalStateException("another thread is running the batcher");
    }
    try {
      if (haltReason.isPresent()) {
        return;
      }
      if (reconciled.isEmpty() && !reconcile()) {
        return;
      }
      manager.poll();
      if (!followStatus()) {
        return;
      }
      finalizeConfirmed();
      progress.update(store.confirmedThrough(), store.finalizedThrough());
      lag.includedThrough(store.includedThrough());
      long waiting = store.open().stream().filter(b -> b.status() != BatchStatus.INCLUDED).count();
      if (buildAndSubmit((int) waiting) > 0) {
        manager.poll();
        followStatus();
      }
    } finally {
      tickLock.unlock();
    }
  }

  /** Starts the loop thread: {@link #tick} every {@code pollInterval}; failures are logged. */
  public synchronized void start() {
    if (loop != null) {
      throw new IllegalStateException("already started");
    }
    loop = PollingLoop.start("batcher", config.pollInterval(), this::tickLogged);
    long every = config.pollInterval().toMillis();
    log.info(
        "batcher started rollup={} sender={} maxBytes={} maxBlocks={} maxAge={} pollMs={}",
        rollup.address(),
        manager.sender(),
        config.maxBytes(),
        config.maxBlocks(),
        config.maxAge(),
        every);
  }

  /** Stops the loop thread, waiting for a running tick to finish. */
  @Override
  public synchronized void close() {
    if (loop == null) {
      return;
    }
    PollingLoop.stop(loop);
    loop = null;
    log.info("batcher stopped");
  }

  private boolean reconcile() {
    Reconciliation result = reconciler.run();
    switch (result) {
      case Reconciliation.Ready ready -> {
        reconciled = Optional.of(ready.l1());
        log.info(
            "batcher reconciled with L1 nextSeq={} nextBlock={} lastRoot={} resubmitted={}",
            ready.l1().nextSeq(),
            ready.l1().nextBlock(),
            ready.l1().lastStateRoot(),
            ready.resubmitted());
        return true;
      }
      case Reconciliation.Mismatch mismatch -> {
        halt("reconciliation with L1 failed: " + mismatch.reason());
        return false;
      }
    }
  }

  /** Mirrors the manager's status into the batch rows; false (and halted) on a revert. */
  private boolean followStatus() {
    Optional<StoredBatch> reverted = follower.follow(store.open());
    if (reverted.isEmpty()) {
      return true;
    }
    StoredBatch batch = reverted.get();
    halt(
        "appendBatch of batch "
            + batch.seq()
            + " reverted in L1 tx "
            + batch.placement().map(p -> p.txHash().toString()).orElse("?")
            + " (e.g. WrongSeq or WrongPrevStateRoot: another poster or a wrong root)");
    return false;
  }

  private void finalizeConfirmed() {
    for (StoredBatch batch : store.confirmedNotFinal()) {
      if (!rollup.isFinal(batch.seq())) {
        return;
      }
      store.markFinalized(batch.seq(), clock.instant());
      log.info(
          "batch seq={} final blocks={}..{}",
          batch.seq(),
          batch.header().firstBlock(),
          batch.header().lastBlock());
    }
  }

  /** Builds, stores and submits batches while fewer than maxInFlight wait; how many it built. */
  private int buildAndSubmit(int waiting) {
    int built = 0;
    while (waiting + built < maxInFlight) {
      Optional<StoredBatch> last = store.latest();
      long seq = last.map(b -> b.seq() + 1).orElse(reconciled.orElseThrow().nextSeq());
      Hash prevRoot =
          last.map(b -> b.header().newStateRoot()).orElse(reconciled.orElseThrow().lastStateRoot());
      long firstBlock =
          last.map(b -> b.header().lastBlock() + 1).orElse(reconciled.orElseThrow().nextBlock());
      if (registryStale) {
        registry = store.loadRegistry();
        registryStale = false;
      }
      Optional<BuiltBatch> next =
          builder.next(seq, prevRoot, firstBlock, clock.instant(), registry);
      if (next.isEmpty()) {
        return built;
      }
      BuiltBatch batch = next.get();
      try {
        store.insert(batch, registry.size(), clock.instant());
      } catch (RuntimeException e) {
        registryStale = true;
        throw e;
      }
      registry.append(batch.registryAppends());
      metrics.entered(BatchStatus.BUILT);
      submitter.submit(store.find(seq).orElseThrow());
      log.info(
          "batch seq={} built blocks={}..{} txs={} bytes={} new_addresses={} registry={} reason={}",
          seq,
          batch.header().firstBlock(),
          batch.header().lastBlock(),
          batch.transactionCount(),
          batch.data().length(),
          batch.registryAppends().size(),
          registry.size(),
          batch.reason());
      built++;
    }
    return built;
  }

  private void halt(String reason) {
    haltReason = Optional.of(reason);
    metrics.halted();
    log.error("batcher HALTED, nothing more is posted until an operator acts: {}", reason);
  }

  private void tickLogged() {
    try {
      tick();
      if (failing) {
        failing = false;
        log.info("batcher tick recovered");
      }
    } catch (L1UnavailableException
        | L1TxStore.L1TxStoreException
        | BatchStore.BatchStoreException e) {
      if (!failing) {
        failing = true;
        log.warn("batcher tick failed, retrying every poll: {}", e.toString());
      }
    } catch (RuntimeException e) {
      log.error("batcher tick failed unexpectedly", e);
    }
  }
}
