package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.state.StateSnapshot;
import io.paraseq.sequencer.store.ChainStore;
import io.paraseq.sequencer.store.SealedBlock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The block producer's second stage: writes each sealed block in its one database transaction
 * ({@link ChainStore#persist}) on its own thread, {@code paraseq-block-persister}, and publishes it
 * as the {@link ChainHead} right after the commit, so the producer builds block N+1 while block N
 * is written.
 *
 * <p><b>Order and bounds.</b> At most one block is in flight: {@link #submit} first waits for the
 * previous block's commit. So blocks are committed and published one by one, in block order, each
 * exactly once.
 *
 * <p><b>Failure.</b> A persist that fails is fail-stop: the failure handler is told (the producer
 * stops for good, its state being ahead of the database), the block is not published, and {@link
 * #submit} refuses every later block, so nothing after it is written or published.
 *
 * <p><b>Threads.</b> {@link #submit} and {@link #awaitInFlight} on the producer thread only (the
 * in-flight future is its field); the persist, the publication, the metrics and the log line on the
 * persister thread; {@link #close} at shutdown, after the producer thread ended.
 */
final class BlockPersister implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BlockPersister.class);

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  /** Told once, on the persister thread, when a block's transaction did not commit. */
  @FunctionalInterface
  interface FailureHandler {
    void persistFailed(long number, Throwable cause);
  }

  /**
   * A block ready to be written, with what is published and logged after its commit.
   *
   * @param sealed the block and its rows
   * @param after the world state right after the block (published with it as the head)
   * @param skipped how many candidates the block skipped (for the log line)
   * @param startedNanos when building it started ({@link System#nanoTime})
   * @param builtNanos when it was sealed ({@link System#nanoTime})
   */
  record BuiltBlock(
      SealedBlock sealed, StateSnapshot after, int skipped, long startedNanos, long builtNanos) {
    BuiltBlock {
      Objects.requireNonNull(sealed, "sealed");
      Objects.requireNonNull(after, "after");
    }
  }

  private final ChainStore store;
  private final ChainHead head;
  private final ProducerMetrics metrics;
  private final FailureHandler onFailure;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("paraseq-block-persister").factory());

  /** Whether the last submitted block committed; producer thread only. */
  private CompletableFuture<Boolean> inFlight = CompletableFuture.completedFuture(true);

  BlockPersister(
      ChainStore store, ChainHead head, ProducerMetrics metrics, FailureHandler onFailure) {
    this.store = Objects.requireNonNull(store, "store");
    this.head = Objects.requireNonNull(head, "head");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
  }

  /**
   * Waits for the block in flight, if any, to be committed and published. Returns whether it was
   * (true when nothing is in flight); false after a failed persist.
   */
  boolean awaitInFlight() {
    try {
      return inFlight.join();
    } catch (CompletionException e) {
      return false; // the task reports its own failures; this is only a rejected or broken task
    }
  }

  /**
   * Hands {@code block} to the persister thread once the previous block is committed. Returns
   * false, and writes nothing, if the previous block failed.
   */
  boolean submit(BuiltBlock block) {
    if (!awaitInFlight()) {
      return false;
    }
    inFlight = CompletableFuture.supplyAsync(() -> persist(block), thread);
    return true;
  }

  /** Writes, publishes, measures and logs one block; reports a failure instead of throwing. */
  private boolean persist(BuiltBlock block) {
    SealedBlock sealed = block.sealed();
    BlockHeader header = sealed.block().header();
    long started = System.nanoTime();
    try {
      // The published head is the block before, committed: its state is what the database holds.
      ChainHead.Head previous = head.snapshot();
      if (previous.header().number() + 1 == header.number()) {
        store.persist(sealed, previous.state());
      } else {
        store.persist(sealed);
      }
    } catch (RuntimeException | Error e) {
      onFailure.persistFailed(header.number(), e);
      return false;
    }
    long persisted = System.nanoTime();
    head.publish(new ChainHead.Head(header, block.after()));
    int txs = sealed.included().size();
    metrics.block(
        header.number(), txs, block.builtNanos() - block.startedNanos(), persisted - started);
    log.info(
        "block={} txs={} skipped={} gas={} build_ms={} persist_ms={} ms={}",
        header.number(),
        txs,
        block.skipped(),
        Long.toUnsignedString(header.gasUsed()),
        (block.builtNanos() - block.startedNanos()) / 1_000_000,
        (persisted - started) / 1_000_000,
        (persisted - block.startedNanos()) / 1_000_000);
    return true;
  }

  /** Lets the block in flight finish (up to 10 s) and ends the thread. */
  @Override
  public void close() throws InterruptedException {
    thread.shutdown();
    if (!thread.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      log.warn("block persister did not finish its block within {}s", CLOSE_TIMEOUT.toSeconds());
    }
  }
}
