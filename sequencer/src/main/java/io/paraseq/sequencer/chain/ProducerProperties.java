package io.paraseq.sequencer.chain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The block producer.
 *
 * @param enabled whether blocks are produced ({@code PARASEQ_PRODUCER_ENABLED}, true); off, the
 *     node still starts from its chain and takes transactions into the pool
 * @param blockInterval time between block attempts ({@code PARASEQ_PRODUCER_BLOCK_INTERVAL}, 250ms,
 *     10ms … 1h)
 * @param maxTransactions most transactions in one block ({@code PARASEQ_PRODUCER_MAX_TRANSACTIONS},
 *     10000)
 * @param emptyBlocks whether a block is sealed when the pool has nothing executable ({@code
 *     PARASEQ_PRODUCER_EMPTY_BLOCKS}, false); off, no block is made and the next one simply carries
 *     the later timestamp
 */
@ConfigurationProperties("paraseq.producer")
@Validated
record ProducerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("250ms") @NotNull Duration blockInterval,
    @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxTransactions,
    @DefaultValue("false") boolean emptyBlocks) {

  /** Checks the interval's range. */
  ProducerProperties {
    if (blockInterval != null
        && (blockInterval.compareTo(Duration.ofMillis(10)) < 0
            || blockInterval.compareTo(Duration.ofHours(1)) > 0)) {
      throw new IllegalArgumentException(
          "paraseq.producer.block-interval must be between 10ms and 1h, got " + blockInterval);
    }
  }

  /** These settings with production off (the verifier role). */
  ProducerProperties disabled() {
    return new ProducerProperties(false, blockInterval, maxTransactions, emptyBlocks);
  }
}
