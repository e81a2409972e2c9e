package io.paraseq.batcher.derive;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.batcher.l1.L1Client;
import io.paraseq.batcher.l1.L1Log;
import io.paraseq.batcher.l1.L1TransactionData;
import io.paraseq.batcher.support.PollingLoop;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.types.Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier's loop (the derivation pipeline): follows the Rollup's {@code BatchAppended} events
 * on L1, in seq order, up to the confirmed L1 head; for each one reads the L1 transaction, derives
 * the batch ({@link BatchDeriver}) and replays it on the verifier's own chain ({@link
 * BatchVerifier}), then moves the durable cursor. L1 blocks above {@code head − depth + 1} are
 * never read, so an L1 reorg of unconfirmed blocks never reaches the verifier (a reorg deeper than
 * the depth is not handled).
 *
 * <p><b>Mismatch.</b> The first broken rule stops following for good (until a restart, which finds
 * the same mismatch again: the cursor is not moved past it): one ERROR line names the batch, the
 * first differing block and the reason, {@code paraseq.verifier.mismatch} becomes 1, {@code
 * paraseq.verifier.first.differing.block} names the block and {@link #mismatch()} says why. For a
 * state root mismatch the block is the first whose root differs from an optional reference node's
 * ({@link MismatchLocator}; diagnostic only), else the batch's last block, and the line gives the
 * batch's range. The verifier's chain keeps serving reads at the last block it imported.
 *
 * <p><b>Address registry.</b> Each batch is decoded against the address registry of the batches
 * verified before it (loaded at construction); its registry appends are stored in the same
 * transaction as the cursor after it, then appended in memory, so a restart resumes with the
 * registry that matches the cursor. A rejected batch appends nothing.
 *
 * <p><b>Faults.</b> An L1 or database failure is logged and the next round tries again from the
 * cursor; nothing is skipped.
 *
 * <p><b>Threads.</b> One loop thread ({@code verifier}, every poll interval; or a test's thread)
 * runs {@link #tick} and owns the cursor; {@link #cursor()} and {@link #mismatch()} may be read
 * from any thread.
 */
public final class Verifier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Verifier.class);

  private final L1Client l1;
  private final DerivedChain chain;
  private final VerifierCursorStore store;
  private final VerifierConfig config;
  private final BatchDeriver deriver;
  private final BatchVerifier verifier;
  private final VerifierMetrics metrics;
  private final String referenceName;

  private final AddressRegistry registry;
  private volatile VerifierCursor cursor;
  private volatile Optional<DerivationFailure> mismatch = Optional.empty();
  private ScheduledExecutorService loop;

  /** A verifier of {@code config.rollup()}'s batches on {@code chain}, without a reference node. */
  public Verifier(
      L1Client l1,
      DerivedChain chain,
      VerifierCursorStore store,
      VerifierConfig config,
      MeterRegistry registry) {
    this(l1, chain, store, config, Optional.empty(), registry);
  }

  /**
   * A verifier of {@code config.rollup()}'s batches on {@code chain}; after a state root mismatch
   * it asks {@code reference} (diagnostic only) which block differs first.
   */
  public Verifier(
      L1Client l1,
      DerivedChain chain,
      VerifierCursorStore store,
      VerifierConfig config,
      Optional<ReferenceChain> reference,
      MeterRegistry registry) {
    this.l1 = Objects.requireNonNull(l1, "l1");
    this.chain = Objects.requireNonNull(chain, "chain");
    this.store = Objects.requireNonNull(store, "store");
    this.config = Objects.requireNonNull(config, "config");
    this.deriver = new BatchDeriver(config.rollup(), config.chainId());
    this.verifier = new BatchVerifier(chain, new MismatchLocator(reference));
    this.referenceName = reference.map(ReferenceChain::name).orElse("none");
    this.metrics = new VerifierMetrics(registry);
    this.cursor = initialCursor();
    this.registry = store.loadRegistry();
    metrics.position(cursor.lastBlock());
  }

  /**
   * The stored cursor, or on an empty schema the start: seq 0 on the chain's genesis.
   *
   * @throws IllegalStateException if the schema holds blocks but no cursor
   */
  private VerifierCursor initialCursor() {
    Optional<VerifierCursor> stored = store.load(config.rollup());
    if (stored.isPresent()) {
      return stored.get();
    }
    DerivedChain.Tip head = chain.head();
    if (head.number() != 0) {
      throw new IllegalStateException(
          "the verifier's schema holds blocks up to "
              + head.number()
              + " but no verifier cursor: it is not a verifier's schema; start on an empty one");
    }
    return new VerifierCursor(0, 0, head.stateRoot(), config.startL1Block());
  }

  /** Starts the loop thread. */
  public void start() {
    log.info(
        "verifier started rollup={} next_seq={} last_block={} next_l1_block={} depth={}"
            + " reference={}",
        config.rollup(),
        cursor.nextSeq(),
        cursor.lastBlock(),
        cursor.nextL1Block(),
        config.confirmationDepth(),
        referenceName);
    loop = PollingLoop.start("verifier", config.pollInterval(), this::tickLogged);
  }

  /** How far the verifier got. */
  public VerifierCursor cursor() {
    return cursor;
  }

  /** The mismatch that stopped following, if one did. */
  public Optional<DerivationFailure> mismatch() {
    return mismatch;
  }

  private void tickLogged() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn(
          "verifier round failed next_seq={} next_l1_block={}; retrying: {}",
          cursor.nextSeq(),
          cursor.nextL1Block(),
          e.toString());
    }
  }

  /**
   * One round: reads the confirmed L1 blocks after the cursor (at most {@code maxLogRange}) and
   * verifies their batches in order. Does nothing once a mismatch stopped following.
   */
  public void tick() {
    if (mismatch.isPresent()) {
      return;
    }
    long confirmedHead = l1.latestBlock().number() - config.confirmationDepth() + 1;
    long from = cursor.nextL1Block();
    metrics.l1Lag(confirmedHead - from + 1);
    if (confirmedHead < from) {
      return;
    }
    long to = Math.min(confirmedHead, from + config.maxLogRange() - 1);
    List<L1Log> logs = l1.logs(config.rollup(), BatchAppendedEvent.TOPIC, from, to);
    for (L1Log entry : logs) {
      Optional<DerivationFailure> failure = process(entry);
      if (failure.isPresent()) {
        stop(failure.get());
        return;
      }
    }
    cursor = cursor.readingFrom(to + 1);
    store.save(config.rollup(), cursor);
    metrics.l1Lag(confirmedHead - to);
  }

  /** Verifies the batch of one log; empty when it holds (or was verified before). */
  private Optional<DerivationFailure> process(L1Log entry) {
    Optional<BatchAppendedEvent> decoded = BatchAppendedEvent.decode(entry);
    if (decoded.isEmpty()) {
      return Optional.of(
          DerivationFailure.of(
              DerivationError.MALFORMED_EVENT,
              cursor.nextSeq(),
              "l1_block=" + entry.blockNumber() + " log_index=" + entry.logIndex()));
    }
    BatchAppendedEvent event = decoded.get();
    switch (LogOrder.of(event, cursor)) {
      case NEXT -> {}
      case ALREADY_VERIFIED -> {
        return Optional.empty(); // its L1 block is read again after a restart
      }
      case OUT_OF_ORDER -> {
        return Optional.of(
            DerivationFailure.of(
                DerivationError.SEQ_OUT_OF_ORDER,
                event.seq(),
                "expected seq " + cursor.nextSeq() + " at l1_block=" + event.l1Block()));
      }
    }
    L1TransactionData tx =
        l1.transaction(event.l1TxHash())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "L1 transaction "
                            + event.l1TxHash()
                            + " of batch "
                            + event.seq()
                            + " not found although its log is confirmed"));
    DerivedBatch batch;
    switch (deriver.derive(event, tx, registry)) {
      case DeriveResult.Derived(DerivedBatch derived) -> batch = derived;
      case DeriveResult.Rejected(DerivationFailure failure) -> {
        return Optional.of(failure);
      }
    }
    long started = System.nanoTime();
    Optional<DerivationFailure> failure = verifier.verify(batch, cursor);
    if (failure.isPresent()) {
      return failure;
    }
    VerifierCursor next = cursor.after(batch);
    List<Address> appends = batch.batch().registryAppends();
    store.save(config.rollup(), next, registry.size(), appends);
    cursor = next;
    registry.append(appends);
    metrics.verified(batch);
    log.info(
        "batch verified seq={} blocks={}..{} txs={} state_root={} l1_block={} ms={}",
        batch.header().seq(),
        batch.header().firstBlock(),
        batch.header().lastBlock(),
        batch.batch().transactionCount(),
        batch.header().newStateRoot(),
        event.l1Block(),
        (System.nanoTime() - started) / 1_000_000);
    return Optional.empty();
  }

  private void stop(DerivationFailure failure) {
    mismatch = Optional.of(failure);
    metrics.mismatch(failure.firstDifferingBlock());
    log.error(
        "verifier MISMATCH, following stopped: {} l1_block={}",
        failure.message(),
        cursor.nextL1Block());
  }

  /** Stops the loop thread (a running round may finish). */
  @Override
  public void close() {
    if (loop != null) {
      PollingLoop.stop(loop);
    }
  }
}
