package io.paraseq.sequencer.chain;

import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code producer} health component: DOWN once the producer stopped for good (a block applied
 * in memory but not persisted), with the error; UP otherwise, with the head and whether production
 * is enabled.
 */
final class ProducerHealthIndicator implements HealthIndicator {

  private final BlockProducer producer;
  private final ChainHead head;

  ProducerHealthIndicator(BlockProducer producer, ChainHead head) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.head = Objects.requireNonNull(head, "head");
  }

  @Override
  public Health health() {
    long number = head.current().number();
    return producer
        .failure()
        .map(
            e ->
                Health.down()
                    .withDetail("head", number)
                    .withDetail("error", String.valueOf(e.getMessage()))
                    .build())
        .orElseGet(
            () ->
                Health.up()
                    .withDetail("head", number)
                    .withDetail("producing", producer.isRunning())
                    .build());
  }
}
