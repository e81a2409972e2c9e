package io.paraseq.sequencer.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Ingress meters: {@code paraseq.ingress.transactions} (tags {@code outcome} accepted / rejected /
 * failed, {@code reason}), {@code paraseq.ingress.batch.size}, {@code paraseq.ingress.commit}
 * (latency of the pool table transaction), {@code paraseq.ingress.undo.inexact}, {@code
 * paraseq.pool.evicted} (acknowledged transactions that left the pool without inclusion, tag {@code
 * reason}), {@code paraseq.ingress.retry.cached} (retries of back-pressured transactions that
 * skipped verification), and gauges {@code paraseq.pool.pending}, {@code paraseq.pool.queued} and
 * {@code paraseq.ingress.queue.depth}. Thread-safe.
 */
final class IngressMetrics {

  /** Why an acknowledged transaction left the pool without being included: the metric's tag. */
  enum Eviction {
    /** Evicted from a full pool by a newcomer that outbid it. */
    OUTBID("outbid"),
    /** Queued longer than the pool's lifetime. */
    EXPIRED("expired");

    private final String tag;

    Eviction(String tag) {
      this.tag = tag;
    }

    /** The value of the {@code reason} tag. */
    String tag() {
      return tag;
    }
  }

  private final MeterRegistry registry;
  private final Counter accepted;
  private final Counter failed;
  private final Counter undoInexact;
  private final Counter retryCached;
  private final Map<Eviction, Counter> evicted = new EnumMap<>(Eviction.class);
  private final DistributionSummary batchSize;
  private final Timer commit;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger queued = new AtomicInteger();

  IngressMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.accepted = transactions("accepted", "none");
    this.failed = transactions("failed", "internal_error");
    this.undoInexact =
        Counter.builder("paraseq.ingress.undo.inexact")
            .description("pool changes of a failed batch that could not be undone exactly")
            .register(registry);
    this.retryCached =
        Counter.builder("paraseq.ingress.retry.cached")
            .description("retries of back-pressured transactions that skipped verification")
            .register(registry);
    this.batchSize =
        DistributionSummary.builder("paraseq.ingress.batch.size")
            .description("transactions per pool writer batch")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.commit =
        Timer.builder("paraseq.ingress.commit")
            .description("latency of one batch's pool table transaction")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    for (Eviction reason : Eviction.values()) {
      evicted.put(
          reason,
          Counter.builder("paraseq.pool.evicted")
              .description("acknowledged transactions that left the pool without inclusion")
              .tag("reason", reason.tag())
              .register(registry));
    }
    registry.gauge("paraseq.pool.pending", pending);
    registry.gauge("paraseq.pool.queued", queued);
  }

  void queueDepth(Supplier<Number> depth) {
    io.micrometer.core.instrument.Gauge.builder("paraseq.ingress.queue.depth", depth)
        .description("submissions waiting for the pool writer")
        .register(registry);
  }

  void accepted() {
    accepted.increment();
  }

  void rejected(IngressResult.Rejected rejection) {
    transactions("rejected", rejection.tag()).increment();
  }

  void retryCached() {
    retryCached.increment();
  }

  void failed(int count) {
    failed.increment(count);
  }

  void undoInexact() {
    undoInexact.increment();
  }

  void evicted(Eviction reason, int count) {
    evicted.get(reason).increment(count);
  }

  void batch(int size, Duration commitTime) {
    batchSize.record(size);
    commit.record(commitTime);
  }

  void poolSize(int pendingCount, int queuedCount) {
    pending.set(pendingCount);
    queued.set(queuedCount);
  }

  private Counter transactions(String outcome, String reason) {
    return Counter.builder("paraseq.ingress.transactions")
        .description("raw transactions submitted to ingress, by outcome")
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry);
  }
}
