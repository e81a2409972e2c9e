package io.paraseq.sequencer.chain;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.stm.BlockStmExecutor;
import io.paraseq.protocol.exec.stm.ContentionFallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The block producer's {@link BlockExecutor}, chosen by {@link ExecutionProperties}: Block-STM by
 * default, with its metrics. Its worker pool is closed with the context (the inferred destroy
 * method), after the producer, which depends on it, has stopped.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ExecutionConfiguration.class);

  /** Closed by Spring's inferred destroy method: the Block-STM executor's {@code close()}. */
  @Bean
  BlockExecutor blockExecutor(ExecutionProperties properties, MeterRegistry meterRegistry) {
    return switch (properties.mode()) {
      case SEQUENTIAL -> {
        log.info("block executor mode=sequential");
        yield new SequentialExecutor();
      }
      case PARALLEL -> {
        int threads = properties.effectiveThreads();
        log.info(
            "block executor mode=parallel threads={} min-parallel-txs={} hot-sender-fallback={}"
                + " contention-fallback={} cost-rule={}",
            threads,
            properties.minParallelTxs(),
            properties.hotSenderFallback(),
            properties.contentionFallback(),
            properties.workThreshold());
        yield new BlockStmExecutor(
            threads,
            properties.minParallelTxs(),
            properties.hotSenderFallback(),
            properties.contentionFallback() ? ContentionFallback.DEFAULT : ContentionFallback.OFF,
            properties.workThreshold(),
            new ExecutionMetrics(meterRegistry));
      }
    };
  }
}
