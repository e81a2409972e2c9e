package io.paraseq.batcher.l1;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.batcher.support.PollingLoop;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L1 transaction manager: takes durable intents ({@link #submit}) and gets each included and
 * confirmed on L1 exactly once, with its own nonces, EIP-1559 fees under a cap, fee bumps after a
 * timeout, a confirmation depth and reorg handling (batcher/README.md).
 *
 * <p>All of its state is in PostgreSQL ({@link L1TxStore}): each poll ({@link #poll}) reads the
 * open intents of its signer and moves each along, so a new instance on the same rows continues
 * exactly where an old one stopped, and never signs a second payload for a nonce. Nonces come from
 * {@code max(eth_getTransactionCount(pending), highest stored nonce + 1)}.
 *
 * <p>Threads: {@link #submit}, {@link #find} and {@link #history} may be called from any thread
 * (they only touch the database). {@link #poll} runs on one thread at a time: the loop thread that
 * {@link #start} creates, or a test's thread; a concurrent call fails.
 */
public final class L1TransactionManager implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(L1TransactionManager.class);

  private final L1Client l1;
  private final L1TxSigner signer;
  private final L1TxStore store;
  private final L1TxConfig config;
  private final Clock clock;
  private final InclusionTracker tracker;
  private final AttemptSender sender;
  private final ReentrantLock pollLock = new ReentrantLock();
  private OptionalLong chainId = OptionalLong.empty();
  private boolean l1Failing;
  private ScheduledExecutorService loop;

  /**
   * A manager sending with {@code signer} through {@code l1} (normally a {@link
   * ResilientL1Client}), its state in {@code store}.
   */
  public L1TransactionManager(
      L1Client l1,
      L1TxSigner signer,
      L1TxStore store,
      L1TxConfig config,
      Clock clock,
      MeterRegistry registry) {
    this.l1 = Objects.requireNonNull(l1, "l1");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.store = Objects.requireNonNull(store, "store");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    L1TxMetrics metrics = new L1TxMetrics(registry);
    this.tracker = new InclusionTracker(l1, store, config, clock, metrics);
    this.sender = new AttemptSender(l1, signer, store, config, clock, metrics, tracker);
  }

  /**
   * Durably records the intent to call {@code to} with {@code calldata}. Idempotent: submitting the
   * same {@code intentId} again with the same payload returns the stored intent.
   *
   * @param intentId the caller's key, 1 to 200 characters (a batch uses {@code batch-<seq>})
   * @throws L1TxStore.IntentConflictException if {@code intentId} exists with another payload
   */
  public L1Tx submit(String intentId, Address to, Bytes calldata, long gasLimit) {
    Objects.requireNonNull(intentId, "intentId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(calldata, "calldata");
    if (intentId.isEmpty() || intentId.length() > 200) {
      throw new IllegalArgumentException("intentId must have 1 to 200 characters: " + intentId);
    }
    if (gasLimit <= 0) {
      throw new IllegalArgumentException("gasLimit must be positive: " + gasLimit);
    }
    L1Tx tx =
        store.insertIntent(intentId, signer.address(), to, calldata, gasLimit, clock.instant());
    log.debug("l1tx submitted intent={} status={}", intentId, tx.status());
    return tx;
  }

  /** The intent {@code intentId}, with its status, inclusion and attempts. */
  public Optional<L1Tx> find(String intentId) {
    return store.find(intentId);
  }

  /** The status history of {@code intentId}, oldest first. */
  public List<L1TxEvent> history(String intentId) {
    return store.history(intentId);
  }

  /** The account that signs and pays. */
  public Address sender() {
    return signer.address();
  }

  /**
   * One iteration: confirm or detect reorgs of included intents, find receipts of sent ones (and
   * re-send or bump them), then sign and send queued ones while fewer than {@code maxInFlight} are
   * sent and not yet included (waiting in the L1 mempool) and the fee is under the cap. Included
   * ones waiting for their confirmation depth do not count: they hold no mempool slot, and counting
   * them would cap throughput at {@code maxInFlight} per confirmation time.
   *
   * @throws L1UnavailableException if the L1 node cannot be asked (the next poll tries again)
   * @throws IllegalStateException if another thread is polling
   */
  public void poll() {
    if (!pollLock.tryLock()) {
      throw new IllegalStateException("another thread is polling the L1 transaction manager");
    }
    try {
      long chain = chainId();
      L1Block head = l1.latestBlock();
      long pendingNonce = l1.pendingNonce(signer.address());
      long nextNonce = Math.max(pendingNonce, store.maxNonce(signer.address()).orElse(-1) + 1);
      int inFlight = 0;
      for (L1Tx tx : store.open(signer.address())) {
        switch (tx.status()) {
          case INCLUDED -> tracker.check(tx, head); // in a block: no longer in flight
          case SENT, REORGED -> {
            Optional<L1Receipt> receipt = tracker.findReceipt(tx);
            if (receipt.isPresent()) {
              tracker.included(tx, receipt.get(), head);
            } else {
              sender.advance(tx, chain, head, pendingNonce);
            }
            inFlight++;
          }
          case QUEUED -> {
            if (inFlight >= config.maxInFlight() || !sender.sendFirst(tx, chain, nextNonce, head)) {
              return;
            }
            nextNonce++;
            inFlight++;
          }
          case CONFIRMED -> {
            // Not open; listed only if confirmed while this poll ran.
          }
        }
      }
    } finally {
      pollLock.unlock();
    }
  }

  /** Starts the loop thread: {@link #poll} every {@code pollInterval}; failures are logged. */
  public synchronized void start() {
    if (loop != null) {
      throw new IllegalStateException("already started");
    }
    loop = PollingLoop.start("l1tx-manager", config.pollInterval(), this::pollLogged);
    long every = config.pollInterval().toMillis();
    log.info("l1tx manager started sender={} pollMs={}", signer.address(), every);
  }

  /** Stops the loop thread, waiting for a running poll to finish. */
  @Override
  public synchronized void close() {
    if (loop == null) {
      return;
    }
    PollingLoop.stop(loop);
    loop = null;
  }

  private void pollLogged() {
    try {
      poll();
      if (l1Failing) {
        l1Failing = false;
        log.info("l1tx poll recovered");
      }
    } catch (L1UnavailableException | L1TxStore.L1TxStoreException e) {
      if (!l1Failing) {
        l1Failing = true;
        log.warn("l1tx poll failed, retrying every poll: {}", e.toString());
      }
    } catch (RuntimeException e) {
      log.error("l1tx poll failed unexpectedly", e);
    }
  }

  private long chainId() {
    if (chainId.isEmpty()) {
      chainId = OptionalLong.of(l1.chainId());
    }
    return chainId.getAsLong();
  }
}
