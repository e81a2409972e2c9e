package io.paraseq.sequencer.chain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The producer's meters: counter {@code paraseq.producer.blocks}, summary {@code
 * paraseq.producer.block.transactions}, timers {@code paraseq.producer.build} (select, execute,
 * seal), {@code paraseq.producer.select} (of that, the wait for the pool writer's selection) and
 * {@code paraseq.producer.persist} (the block's database transaction), gauge {@code
 * paraseq.producer.head} (the head's number).
 */
final class ProducerMetrics {

  private final Counter blocks;
  private final DistributionSummary transactions;
  private final Timer build;
  private final Timer persist;
  private final Timer select;
  private final AtomicLong head = new AtomicLong();

  ProducerMetrics(MeterRegistry registry) {
    this.blocks = Counter.builder("paraseq.producer.blocks").register(registry);
    this.transactions =
        DistributionSummary.builder("paraseq.producer.block.transactions").register(registry);
    this.build = Timer.builder("paraseq.producer.build").register(registry);
    this.persist = Timer.builder("paraseq.producer.persist").register(registry);
    this.select = Timer.builder("paraseq.producer.select").register(registry);
    registry.gauge("paraseq.producer.head", head);
  }

  void block(long number, int txs, long buildNanos, long persistNanos) {
    blocks.increment();
    transactions.record(txs);
    build.record(buildNanos, TimeUnit.NANOSECONDS);
    persist.record(persistNanos, TimeUnit.NANOSECONDS);
    head.set(number);
  }

  void select(long nanos) {
    select.record(nanos, TimeUnit.NANOSECONDS);
  }

  void head(long number) {
    head.set(number);
  }
}
