package io.paraseq.batcher.post;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batcher's Micrometer meters ({@code paraseq.batcher.*}): batches entering each status, bytes
 * and transactions confirmed on L1, the posting lag in L2 blocks and seconds (worked out when read,
 * {@link PostingLag}), the settled blocks, and whether posting is halted. L1 gas and ETH spent are
 * the transaction manager's {@code paraseq.l1tx.gas.used} and {@code paraseq.l1tx.eth.spent}.
 */
final class BatcherMetrics {

  private final Map<BatchStatus, Counter> batches = new EnumMap<>(BatchStatus.class);
  private final Counter bytesPosted;
  private final Counter txsPosted;
  private final AtomicLong halted = new AtomicLong();

  BatcherMetrics(MeterRegistry registry, BatchProgress progress, PostingLag lag) {
    for (BatchStatus status : BatchStatus.values()) {
      batches.put(
          status,
          Counter.builder("paraseq.batcher.batches")
              .tag("status", status.name().toLowerCase(Locale.ROOT))
              .description("Batches that entered the status")
              .register(registry));
    }
    bytesPosted =
        Counter.builder("paraseq.batcher.bytes.posted")
            .baseUnit("bytes")
            .description("Batch data confirmed on L1")
            .register(registry);
    txsPosted =
        Counter.builder("paraseq.batcher.transactions.posted")
            .description("L2 transactions in batches confirmed on L1")
            .register(registry);
    Gauge.builder("paraseq.batcher.lag.blocks", lag, PostingLag::blocks)
        .description("L2 blocks after the last block in an L1-included batch")
        .register(registry);
    Gauge.builder("paraseq.batcher.lag.seconds", lag, PostingLag::seconds)
        .baseUnit("seconds")
        .description("Age of the oldest L2 block not yet in an L1-included batch")
        .register(registry);
    Gauge.builder("paraseq.batcher.halted", halted, AtomicLong::get)
        .description("1 while posting is stopped (a reverted batch or a mismatch with L1)")
        .register(registry);
    Gauge.builder("paraseq.batcher.confirmed.block", progress, BatchProgress::confirmedThrough)
        .description("The last L2 block in a batch confirmed on L1 (safe)")
        .register(registry);
    Gauge.builder("paraseq.batcher.finalized.block", progress, BatchProgress::finalizedThrough)
        .description("The last L2 block in a batch final on L1 (finalized)")
        .register(registry);
  }

  void entered(BatchStatus status) {
    batches.get(status).increment();
  }

  void confirmed(StoredBatch batch) {
    bytesPosted.increment(batch.data().length());
    txsPosted.increment(batch.transactionCount());
  }

  void halted() {
    halted.set(1);
  }
}
