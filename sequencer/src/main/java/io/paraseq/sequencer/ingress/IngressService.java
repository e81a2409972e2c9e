package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.tx.InvalidTransaction;
import io.paraseq.protocol.tx.Rejection;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionDecoder;
import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.pool.PoolRejection;
import io.paraseq.sequencer.pool.TxPool;
import io.paraseq.sequencer.store.PoolStore;
import io.paraseq.sequencer.store.StoredPoolTransaction;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable transaction ingress (DESIGN.md §2.1): size limit → strict decode, validation and sender
 * recovery on a bounded worker pool (in parallel) → the {@link PoolWriter}, which applies the
 * pool's stateful rules and group-commits to the pool table → the result. {@link
 * IngressResult.Accepted} is produced only after the row is committed. A client's retry of a
 * transaction refused for back-pressure is found in the {@link RetryCache} by the hash of its bytes
 * and goes straight to the writer, without a second decode and sender recovery.
 *
 * <p><b>Threads.</b> {@link #submit} is called from any thread (HTTP workers) and never blocks.
 * Verification runs on {@code paraseq-ingress-N} workers (bounded queue); the pool and the pool
 * table belong to the writer thread. This class holds no mutable state of its own besides the
 * executors.
 */
public final class IngressService implements TransactionIngress, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IngressService.class);

  /** The highest gas limit accepted: the pool table's and a block's gas fields are 63-bit. */
  static final long MAX_GAS_LIMIT = Long.MAX_VALUE;

  private final TransactionValidator validator;
  private final PoolStore store;
  private final AccountStateSource accounts;
  private final IngressMetrics metrics;
  private final int maxTransactionBytes;
  private final ThreadPoolExecutor verifiers;
  private final PoolWriter writer;
  private final RetryCache retries = new RetryCache(RETRY_CACHE_ENTRIES, RETRY_CACHE_MAX_BYTES);

  /** Entries of the {@link RetryCache}: more than the pending area, so a refused wave fits. */
  static final int RETRY_CACHE_ENTRIES = 1 << 13;

  /**
   * The largest transaction the {@link RetryCache} keeps (raw bytes): transfers and ordinary calls,
   * not 128 KiB blobs of call data, so the cache stays within a few MiB.
   */
  static final int RETRY_CACHE_MAX_BYTES = 1024;

  IngressService(
      TransactionValidator validator,
      TxPool pool,
      PoolStore store,
      AccountStateSource accounts,
      Clock clock,
      IngressMetrics metrics,
      IngressProperties properties) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.store = Objects.requireNonNull(store, "store");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.maxTransactionBytes = properties.maxTransactionBytes();
    int threads = properties.resolvedWorkerThreads();
    AtomicInteger counter = new AtomicInteger();
    this.verifiers =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(properties.queueCapacity()),
            r ->
                Thread.ofPlatform()
                    .daemon()
                    .name("paraseq-ingress-" + counter.incrementAndGet())
                    .unstarted(r),
            new ThreadPoolExecutor.AbortPolicy());
    this.writer =
        new PoolWriter(
            pool,
            store,
            accounts,
            clock,
            metrics,
            properties.maxBatch(),
            properties.queueCapacity());
  }

  /** Starts the writer and restores the pool from the pool table; returns when it is restored. */
  public void start() {
    long started = System.nanoTime();
    List<StoredPoolTransaction> rows = store.loadAll();
    List<CompletableFuture<PoolRestore.Loaded>> verifying =
        rows.stream()
            .map(
                row ->
                    CompletableFuture.supplyAsync(
                        () -> new PoolRestore.Loaded(row, validator.verify(row.raw())), verifiers))
            .toList();
    List<PoolRestore.Loaded> loaded = verifying.stream().map(CompletableFuture::join).toList();
    writer.start();
    PoolRestore.Outcome outcome =
        writer
            .call(
                pool -> {
                  PoolRestore.Outcome o = PoolRestore.restore(pool, accounts, loaded);
                  store.deleteAll(o.dropped());
                  metrics.poolSize(pool.pendingCount(), pool.queuedCount());
                  return o;
                })
            .join();
    log.info(
        "pool restored={} dropped={} ms={}",
        outcome.restored(),
        outcome.dropped().size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /**
   * Submits a raw transaction. The future completes with the result once it is decided (after the
   * commit, for an accepted one), or exceptionally with {@link IngressUnavailableException} when
   * the node could not decide (the transaction is then not stored). Never blocks.
   */
  @Override
  public CompletableFuture<IngressResult> submit(Bytes raw) {
    if (raw.length() > maxTransactionBytes) {
      return rejected(new IngressResult.Oversized(raw.length(), maxTransactionBytes));
    }
    VerifiedTransaction retried = retries.lookup(raw);
    if (retried != null) {
      metrics.retryCached();
      return toWriter(retried, raw.length());
    }
    try {
      return CompletableFuture.supplyAsync(() -> validator.verify(raw), verifiers)
          .thenCompose(verified -> admit(raw, verified));
    } catch (RejectedExecutionException e) {
      return rejected(new IngressResult.Busy("verify"));
    }
  }

  /**
   * Runs {@code read} on the pool writer thread, between two of its batches and ahead of the
   * submissions still queued: the only way to look at the pool from another thread. It sees every
   * acknowledged transaction; one submitted but not yet answered may or may not be in the pool.
   */
  public <T> CompletableFuture<T> readPool(Function<TxPool, T> read) {
    return writer.call(read);
  }

  /** How long a reader of the pool ({@link #pendingNonce}) waits for the pool writer. */
  public static final Duration POOL_READ_TIMEOUT = Duration.ofSeconds(5);

  /**
   * The nonce {@code sender}'s next transaction should carry: after its pending transactions in the
   * pool, never below {@code accountNonce} (its nonce in the head's state, unsigned). Waits for the
   * pool writer up to {@link #POOL_READ_TIMEOUT}; empty when it does not answer in time (the caller
   * answers "busy").
   *
   * @throws IngressUnavailableException if ingress is shutting down
   */
  public Optional<Long> pendingNonce(Address sender, long accountNonce) {
    try {
      return Optional.of(
          readPool(pool -> pool.pendingNonce(sender, accountNonce))
              .get(POOL_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IngressUnavailableException unavailable) {
        throw unavailable;
      }
      throw new IllegalStateException("pool read failed: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the pool", e);
    }
  }

  private CompletableFuture<IngressResult> admit(
      Bytes raw, TransactionResult<VerifiedTransaction> verified) {
    return switch (verified) {
      case TransactionResult.Invalid<VerifiedTransaction>(Rejection rejection) ->
          rejected(invalid(raw, rejection));
      case TransactionResult.Valid<VerifiedTransaction>(VerifiedTransaction tx) -> {
        long gas = tx.transaction().gasLimit();
        if (Long.compareUnsigned(gas, MAX_GAS_LIMIT) > 0) {
          yield rejected(new IngressResult.ExceedsGasLimit(gas, MAX_GAS_LIMIT));
        }
        yield toWriter(tx, raw.length());
      }
    };
  }

  /**
   * Hands {@code tx} to the pool writer; a refusal for back-pressure remembers it in the {@link
   * RetryCache} for the client's retry, any other answer forgets it.
   */
  private CompletableFuture<IngressResult> toWriter(VerifiedTransaction tx, int rawLength) {
    return writer
        .submit(tx)
        .whenComplete(
            (result, failure) -> {
              if (result instanceof IngressResult.Busy busy) {
                metrics.rejected(busy);
              }
              if (isBackPressure(result)) {
                retries.remember(tx, rawLength);
              } else {
                retries.forget(tx);
              }
            });
  }

  /** A refusal that a retry may overcome once blocks drain the pool or the writer's queue. */
  private static boolean isBackPressure(IngressResult result) {
    return result instanceof IngressResult.Busy
        || result instanceof IngressResult.PoolRefused refused
            && refused.reason() == PoolRejection.POOL_FULL;
  }

  private CompletableFuture<IngressResult> rejected(IngressResult.Rejected rejection) {
    metrics.rejected(rejection);
    return CompletableFuture.completedFuture(rejection);
  }

  /** The verifier's rejection with geth's detail where geth gives one. */
  private IngressResult.Invalid invalid(Bytes raw, Rejection rejection) {
    return new IngressResult.Invalid(rejection.reason(), gethDetail(raw, rejection));
  }

  /**
   * geth's numbers for the two rejections wallets parse ({@code have 1 want 3195}, {@code gas
   * 20000, minimum needed 21000}); rejections carry no transaction, so these re-decode it (only on
   * this failure path). Other reasons keep the verifier's detail.
   */
  private String gethDetail(Bytes raw, Rejection rejection) {
    InvalidTransaction reason = rejection.reason();
    if (reason != InvalidTransaction.CHAIN_ID_MISMATCH
        && reason != InvalidTransaction.INTRINSIC_GAS_TOO_LOW) {
      return rejection.detail();
    }
    Optional<SignedTransaction> decoded =
        TransactionDecoder.decode(raw)
            .valueIfValid()
            .filter(SignedTransaction.class::isInstance)
            .map(SignedTransaction.class::cast);
    if (reason == InvalidTransaction.CHAIN_ID_MISMATCH) {
      return decoded
          .flatMap(signed -> signed.payload().signatureChainId())
          .map(have -> "have " + have + " want " + validator.policy().chainId())
          .orElse(rejection.detail());
    }
    return decoded
        .map(
            signed ->
                "gas "
                    + Long.toUnsignedString(signed.gasLimit())
                    + ", minimum needed "
                    + IntrinsicGas.of(signed))
        .orElse(rejection.detail());
  }

  /** Stops taking transactions, finishes the queued ones, stops the threads. */
  @Override
  public void close() throws InterruptedException {
    verifiers.shutdown();
    if (!verifiers.awaitTermination(10, TimeUnit.SECONDS)) {
      log.warn("ingress verifiers did not stop within 10s");
    }
    writer.stop(Duration.ofSeconds(10));
  }
}
