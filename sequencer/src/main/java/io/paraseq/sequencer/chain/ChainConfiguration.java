package io.paraseq.sequencer.chain;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.L1FeeProperties;
import io.paraseq.sequencer.ingress.AccountStateSource;
import io.paraseq.sequencer.ingress.IngressService;
import io.paraseq.sequencer.pool.OrderingPolicy;
import io.paraseq.sequencer.store.ChainStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the chain: the store, start-up (genesis or rebuild, after Flyway), the world state as the
 * pool's account source (so the pool restore runs against it), the head, the next block's context,
 * the producer (started after ingress, stopped before it; its executor comes from {@link
 * ExecutionConfiguration}) and the proofs it serves.
 */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

  @Bean
  ChainStore chainStore(DataSource dataSource) {
    return new ChainStore(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  ChainState chainState(
      ChainProperties chain, L1FeeProperties l1Fee, ChainStore store, Clock clock) {
    return new ChainBootstrap(chain, l1Fee.scalar(), store, clock).start();
  }

  @Bean
  AccountStateSource worldStateAccounts(ChainState chain) {
    return new WorldStateAccounts(chain.worldState());
  }

  @Bean
  ChainHead chainHead(ChainState chain) {
    return new ChainHead(new ChainHead.Head(chain.head(), chain.worldState().view()));
  }

  /** The context of the block after the head: for the producer and for calls. */
  @Bean
  NextBlockContext nextBlockContext(ChainState chain, Clock clock, L1BaseFeeSource l1BaseFee) {
    return new NextBlockContext(chain.config(), clock, l1BaseFee);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  BlockProducer blockProducer(
      ChainState chain,
      BlockExecutor executor,
      ChainStore store,
      IngressService ingress,
      OrderingPolicy ordering,
      ProducerProperties properties,
      NextBlockContext nextBlockContext,
      ChainHead head,
      MeterRegistry meterRegistry) {
    return new BlockProducer(
        chain,
        executor,
        store,
        ingress,
        ordering,
        properties,
        nextBlockContext,
        head,
        new ProducerMetrics(meterRegistry));
  }

  /** Proofs, built on the producer thread (the world state's owner). */
  @Bean
  StateProofs stateProofs(BlockProducer producer) {
    return new StateProofs(producer);
  }

  @Bean
  ProducerHealthIndicator producerHealthIndicator(BlockProducer producer, ChainHead head) {
    return new ProducerHealthIndicator(producer, head);
  }
}
