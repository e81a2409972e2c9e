package io.paraseq.sequencer.chain;

import io.paraseq.batcher.derive.DerivedChain;
import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.BlockAssembler;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.ExecutedTransaction;
import io.paraseq.protocol.exec.SkippedTransaction;
import io.paraseq.protocol.state.StateSnapshot;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.ingress.IngressService;
import io.paraseq.sequencer.pool.OrderingPolicy;
import io.paraseq.sequencer.pool.PooledTransaction;
import io.paraseq.sequencer.store.ChainStore;
import io.paraseq.sequencer.store.SealedBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The block producer (DESIGN.md §2.3): every block interval, or at once after a block that filled
 * its gas budget or transaction count, it selects executable transactions from the pool, executes
 * them on the world state's latest view, seals the block (applying its diff to the world state),
 * tells the pool the new nonces, and hands the block to the {@link BlockPersister}, which writes
 * block, transactions, receipts, logs, state rows and the deletion of their pool rows in one
 * database transaction and then publishes the new head.
 *
 * <p><b>Pipeline.</b> Persisting block N overlaps with building block N+1: the producer continues
 * from the sealed (not yet committed) block N, and the pool has already dropped N's transactions,
 * so N+1 does not select them again. At most one block is in flight: handing N+1 over waits for N's
 * commit. Heads are published after their commit, in order (see {@link BlockPersister}).
 *
 * <p><b>Threads.</b> One platform thread, {@code paraseq-block-producer}, owns the {@link
 * WorldState} (its single writer), the {@link BlockAssembler} and the parent header; every block
 * asserts it runs there. The persister thread only reads the sealed block and the state snapshot it
 * is given. The pool is only touched through {@link IngressService#readPool}, i.e. on the pool
 * writer thread. Other threads read {@link ChainHead}, {@link #failure()} and the world state's
 * views.
 *
 * <p><b>State tasks.</b> What only the world state's owner may do ({@link WorldState#proof}) is
 * handed to the thread with {@link #onStateOwner} ({@link StateTasks}: bounded, unparks the
 * thread); the thread runs the tasks between blocks, after waiting for the block in flight, so the
 * world state is the state of the published head while they run; a task waits at most for the block
 * being built and the one being written. With production disabled ({@code
 * paraseq.producer.enabled=false}) the thread still starts, owns the state and serves tasks, but
 * builds no blocks. At fail-stop (the state is then ahead of the published head) and when the
 * thread ends, tasks are refused.
 *
 * <p><b>Failure.</b> A failure before the world state is changed (the pool did not answer, an
 * executor bug) is logged and the next tick tries again. Once the diff has been applied the
 * in-memory state is ahead of the database if sealing or the block's transaction then fails: the
 * producer stops for good (fail-stop), nothing later is persisted or published, it reports DOWN in
 * the {@code producer} health component and logs at ERROR; a restart rebuilds the state from the
 * database, where the block does not exist.
 *
 * <p><b>Import (verifier role).</b> With production disabled, {@link #importBlock} runs a block
 * derived from L1 as a state task: checked and executed by the producer's rules ({@link
 * BlockImporter}), sealed by the same assembler and written and published by the same persister, so
 * a verifier's chain is stored and served exactly like a sequencer's. The same fail-stop applies
 * once its diff is applied.
 */
final class BlockProducer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BlockProducer.class);

  /** The least gas a transaction can use; a block with less left is full. */
  private static final long MIN_TX_GAS = 21_000;

  private static final Duration POOL_TIMEOUT = Duration.ofSeconds(10);

  private final ChainConfig config;
  private final WorldState state;
  private final BlockAssembler assembler;
  private final BlockExecutor executor;
  private final ProducerMetrics metrics;
  private final BlockPersister persister;
  private final IngressService pool;
  private final OrderingPolicy policy;
  private final ProducerProperties properties;
  private final NextBlockContext nextContext;
  private final Thread thread;
  private final StateTasks stateTasks;
  private final BlockImporter importer;

  /** The parent of the next block; producer thread only. */
  private BlockHeader parent;

  private volatile boolean running;
  private volatile Throwable failure;

  BlockProducer(
      ChainState chain,
      BlockExecutor executor,
      ChainStore store,
      IngressService pool,
      OrderingPolicy policy,
      ProducerProperties properties,
      NextBlockContext nextContext,
      ChainHead head,
      ProducerMetrics metrics) {
    this.config = chain.config();
    this.state = chain.worldState();
    this.parent = chain.head();
    this.assembler = new BlockAssembler(config, state);
    this.executor = Objects.requireNonNull(executor, "executor");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.properties = Objects.requireNonNull(properties, "properties");
    this.nextContext = Objects.requireNonNull(nextContext, "nextContext");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.persister = new BlockPersister(store, head, metrics, this::stopAfterFailure);
    this.thread = Thread.ofPlatform().name("paraseq-block-producer").unstarted(this::loop);
    this.stateTasks = new StateTasks(thread);
    this.importer = new BlockImporter(config, executor);
    metrics.head(parent.number());
  }

  /**
   * Starts the thread: it produces blocks, and serves state tasks; with production disabled it
   * serves state tasks only.
   */
  void start() {
    running = true;
    stateTasks.open();
    thread.start();
    if (!properties.enabled()) {
      log.info(
          "block production disabled (paraseq.producer.enabled=false); {} serves state reads only",
          thread.getName());
      return;
    }
    log.info(
        "block producer started head={} interval_ms={} empty_blocks={}",
        parent.number(),
        properties.blockInterval().toMillis(),
        properties.emptyBlocks());
  }

  /** Why production stopped for good, if it did. */
  Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Whether the producer thread is producing (false when production is disabled). */
  boolean isRunning() {
    return properties.enabled() && running && failure == null;
  }

  /**
   * Runs {@code work} on the thread that owns the world state, between blocks, and completes the
   * future with its result (or its exception). Never blocks; see {@link StateTasks#submit} for the
   * refusals. Cancelling the future before the task starts skips it.
   */
  <T> CompletableFuture<T> onStateOwner(Function<WorldState, T> work) {
    return stateTasks.submit(work);
  }

  /**
   * Imports {@code block}, derived from L1, on top of the head (verifier role: production must be
   * disabled). The future completes after the block is committed and published, with the new head;
   * or with the reason the block is invalid (nothing changed); or fails when the state owner has
   * stopped, or the block was applied but not persisted (fail-stop, as for a produced block).
   */
  CompletableFuture<DerivedChain.Import> importBlock(BatchBlock block) {
    if (properties.enabled()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("blocks are imported only while production is disabled"));
    }
    return stateTasks.submit(ignored -> importOnOwner(block));
  }

  private DerivedChain.Import importOnOwner(BatchBlock block) {
    assertOwner();
    long started = System.nanoTime();
    BlockImporter.Checked checked = importer.execute(parent, block, state.view());
    if (checked instanceof BlockImporter.Checked.Invalid(String reason)) {
      return new DerivedChain.Import.Invalid(block.number(), reason);
    }
    BlockImporter.Checked.Executable executable = (BlockImporter.Checked.Executable) checked;
    BlockExecution execution = executable.execution();
    try {
      BlockPersister.BuiltBlock built = seal(executable.context(), execution, List.of(), started);
      BlockHeader header = parent;
      if (!persister.submit(built) || !persister.awaitInFlight()) {
        throw new IllegalStateException("block " + header.number() + " was not persisted");
      }
      return new DerivedChain.Import.Imported(
          new DerivedChain.Tip(header.number(), header.hash(), header.stateRoot()));
    } catch (RuntimeException e) {
      stopAfterFailure(block.number(), e);
      throw e;
    }
  }

  private void loop() {
    long intervalNanos = properties.blockInterval().toNanos();
    try {
      while (running) {
        long started = System.nanoTime();
        boolean full = properties.enabled() && produceOnce();
        if (!running) {
          break; // fail-stop or close: the state may be ahead of the head, serve nothing more
        }
        runStateTasks();
        if (!full) {
          awaitNextBlock(started + intervalNanos);
        }
      }
    } finally {
      stateTasks.close("the node is shutting down");
    }
  }

  /** One block attempt; returns whether the next should follow at once. Stops on fail-stop. */
  private boolean produceOnce() {
    try {
      return produceBlock();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } catch (StateAheadException e) {
      stopAfterFailure(e.number, e.getCause());
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      log.error("block {} not built; trying again next interval", parent.number() + 1, e);
    }
    return false;
  }

  /**
   * Stops production for good: block {@code number} was applied to the world state but not
   * persisted. Called on the producer thread (sealing failed) or the persister thread (the block's
   * transaction failed); the first failure is the one reported.
   */
  private synchronized void stopAfterFailure(long number, Throwable cause) {
    if (failure != null) {
      return;
    }
    failure = cause;
    stateTasks.close("block production stopped after a failed block; restart the node");
    running = false;
    LockSupport.unpark(thread);
    log.error(
        "BLOCK PRODUCTION STOPPED: block {} was applied to the world state but not persisted;"
            + " the in-memory state is ahead of the database. Restart the node to rebuild"
            + " from the database.",
        number,
        cause);
  }

  /**
   * Runs the waiting state tasks once the block in flight is committed and published, so they see
   * the world state of the head; none after a failed persist (the tasks are refused then).
   */
  private void runStateTasks() {
    if (stateTasks.isEmpty() || !persister.awaitInFlight() || !running) {
      return;
    }
    stateTasks.runPending(state);
  }

  /**
   * Parks until {@code deadline} (a {@link System#nanoTime} value) or close, running state tasks as
   * they arrive. Parked, not interrupted, on close: an interrupt could hit the block's JDBC work.
   */
  private void awaitNextBlock(long deadline) {
    for (long wait = deadline - System.nanoTime();
        wait > 0 && running;
        wait = deadline - System.nanoTime()) {
      if (stateTasks.isEmpty()) {
        LockSupport.parkNanos(this, wait);
      }
      runStateTasks();
    }
  }

  /**
   * Builds one block and hands it to the persister (which publishes it after its commit), unless
   * there is nothing to include and empty blocks are off — but an empty block is sealed when
   * pending transactions are all priced out by the base fee ({@link Selection}). Returns whether
   * the block was full (the next one should follow at once).
   */
  boolean produceBlock() throws InterruptedException, ExecutionException, TimeoutException {
    assertOwner();
    long started = System.nanoTime();
    BlockContext context = nextContext.after(parent);
    Selection selection =
        pool.readPool(
                p -> {
                  List<PooledTransaction> chosen =
                      p.select(
                          context.baseFee().value(),
                          context.gasLimit(),
                          properties.maxTransactions(),
                          policy);
                  return new Selection(chosen, chosen.isEmpty() && p.pendingCount() > 0);
                })
            .get(POOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    metrics.select(System.nanoTime() - started);
    List<PooledTransaction> selected = selection.transactions();
    if (selected.isEmpty() && !properties.emptyBlocks() && !selection.pricedOut()) {
      return false;
    }
    BlockExecution execution =
        executor.execute(
            context, selected.stream().map(PooledTransaction::verified).toList(), state.view());
    BlockHeader header;
    try {
      BlockPersister.BuiltBlock built = seal(context, execution, poolRows(execution), started);
      header = parent;
      updatePool(execution, built.after());
      if (!persister.submit(built)) {
        return false; // the block before failed: production has stopped
      }
    } catch (RuntimeException e) {
      throw new StateAheadException(context.number(), e);
    }
    long gasLeft = header.gasLimit() - header.gasUsed();
    return selected.size() >= properties.maxTransactions() || gasLeft < MIN_TX_GAS;
  }

  /**
   * Seals {@code execution} (already applied to the state) on top of the parent, which its header
   * then becomes: the one sealing step of a produced and an imported block.
   *
   * @param poolRows the pool rows the block's commit deletes
   * @param started when building the block began ({@link System#nanoTime})
   */
  private BlockPersister.BuiltBlock seal(
      BlockContext context, BlockExecution execution, List<Hash> poolRows, long started) {
    Block block = assembler.assemble(parent, context, execution);
    StateSnapshot after = state.view();
    SealedBlock sealed =
        SealedBlock.of(
            block, execution.included(), execution.diff(), after, poolRows, context.l1BaseFee());
    parent = block.header();
    return new BlockPersister.BuiltBlock(
        sealed, after, execution.skipped().size(), started, System.nanoTime());
  }

  /**
   * What the pool offers for the next block. {@code pricedOut}: nothing was selected although
   * transactions are pending — every one's fee cap is below the base fee (a transaction's gas
   * always fits an empty block). Then an empty block is sealed even with empty blocks off: only a
   * block below the gas target lowers the base fee (EIP-1559), so without it those transactions
   * would wait forever.
   */
  private record Selection(List<PooledTransaction> transactions, boolean pricedOut) {}

  /** Pool rows that go with the block: its transactions and the candidates it skipped. */
  private static List<Hash> poolRows(BlockExecution execution) {
    List<Hash> rows = new ArrayList<>(execution.included().size() + execution.skipped().size());
    execution.included().forEach(tx -> rows.add(tx.transaction().hash()));
    execution.skipped().forEach(tx -> rows.add(tx.transaction().hash()));
    return rows;
  }

  /**
   * Moves the pool to the new nonces of the block's senders (dropping what was included) and drops
   * the skipped candidates, whose rows the block's transaction deletes. Queued on the pool writer
   * ahead of the next block's selection, before the block is committed; not awaited. If the block
   * then fails to commit, production stops and a restart restores the pool from its rows.
   */
  private void updatePool(BlockExecution execution, StateSnapshot view) {
    if (execution.included().isEmpty() && execution.skipped().isEmpty()) {
      return;
    }
    Map<Address, Long> nonces = new HashMap<>();
    for (ExecutedTransaction tx : execution.included()) {
      Address sender = tx.transaction().sender();
      nonces.computeIfAbsent(sender, s -> view.account(s).nonce());
    }
    List<Hash> skipped =
        execution.skipped().stream()
            .map(SkippedTransaction::transaction)
            .map(VerifiedTransaction::hash)
            .toList();
    pool.readPool(
            p -> {
              p.onNewNonces(nonces);
              skipped.forEach(p::remove);
              return null;
            })
        .whenComplete(
            (ignored, e) -> {
              if (e != null) {
                log.warn(
                    "pool not moved to the new nonces; the next block skips and drops the stale transactions",
                    e);
              }
            });
  }

  private void assertOwner() {
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(
          "block producer called on " + Thread.currentThread().getName());
    }
  }

  /**
   * Stops producing after the current block; waits up to 10 s for the thread, then up to 10 s for
   * the block in flight to be committed and published.
   */
  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread.isAlive()) {
      LockSupport.unpark(thread);
      if (!thread.join(Duration.ofSeconds(10))) {
        log.warn("block producer did not stop within 10s");
      }
    }
    persister.close();
  }

  /** The world state took a block the database did not. */
  private static final class StateAheadException extends RuntimeException {
    private final long number;

    StateAheadException(long number, RuntimeException cause) {
      super("block " + number + " applied but not persisted", cause);
      this.number = number;
    }
  }
}
