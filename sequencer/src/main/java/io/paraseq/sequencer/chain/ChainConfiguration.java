package io.paraseq.sequencer.chain;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.GenesisProperties;
import io.paraseq.sequencer.config.L1FeeProperties;
import io.paraseq.sequencer.config.NodeProperties;
import io.paraseq.sequencer.ingress.AccountStateSource;
import io.paraseq.sequencer.ingress.IngressService;
import io.paraseq.sequencer.pool.OrderingPolicy;
import io.paraseq.sequencer.store.ChainStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the chain: the store, start-up (genesis or rebuild, after Flyway), the world state as the
 * pool's account source (so the pool restore runs against it), the head, the next block's context,
 * the producer (started after ingress, stopped before it; its executor comes from {@link
 * ExecutionConfiguration}) and the proofs it serves. In the verifier role production is off and the
 * producer's thread imports the blocks derived from L1 instead ({@link DerivedBlockImport}).
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
      ChainProperties chain,
      GenesisProperties genesis,
      L1FeeProperties l1Fee,
      ChainStore store,
      Clock clock) {
    Clock genesisClock =
        genesis
            .configured()
            .map(seconds -> Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC))
            .orElse(clock);
    return new ChainBootstrap(chain, l1Fee.scalar(), store, genesisClock).start();
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
      NodeProperties node,
      NextBlockContext nextBlockContext,
      ChainHead head,
      MeterRegistry meterRegistry) {
    return new BlockProducer(
        chain,
        executor,
        store,
        ingress,
        ordering,
        node.verifier() ? properties.disabled() : properties,
        nextBlockContext,
        head,
        new ProducerMetrics(meterRegistry));
  }

  /**
   * The verifier's chain: blocks derived from L1, imported through the producer's thread (whose
   * production is off in that role).
   */
  @Bean
  @ConditionalOnProperty(name = NodeProperties.ROLE_PROPERTY, havingValue = "verifier")
  DerivedBlockImport derivedBlockImport(BlockProducer producer, ChainHead head) {
    return new DerivedBlockImport(producer, head);
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
