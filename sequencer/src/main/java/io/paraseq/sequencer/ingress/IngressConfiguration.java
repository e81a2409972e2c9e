package io.paraseq.sequencer.ingress;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.sequencer.chain.NextBlockContext;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.pool.OrderingPolicy;
import io.paraseq.sequencer.pool.TxPool;
import io.paraseq.sequencer.store.PoolStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires ingress: the validator for the chain, the pool (owned by the writer thread inside {@link
 * IngressService}, never a bean of its own) and the pool table. The account source is the world
 * state's latest view ({@code chain.ChainConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class IngressConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The configured ordering between senders ({@code paraseq.pool.ordering}), for blocks. */
  @Bean
  OrderingPolicy orderingPolicy(PoolProperties pool) {
    return OrderingPolicy.of(pool.ordering());
  }

  @Bean
  PoolStore poolStore(DataSource dataSource) {
    return new PoolStore(dataSource);
  }

  /** Starts after Flyway: its start restores the pool from the pool table. */
  @Bean(initMethod = "start", destroyMethod = "close")
  @DependsOnDatabaseInitialization
  IngressService ingressService(
      ChainProperties chain,
      IngressProperties ingress,
      PoolProperties pool,
      PoolStore store,
      AccountStateSource accounts,
      Clock clock,
      NextBlockContext nextBlock,
      MeterRegistry meterRegistry) {
    return new IngressService(
        new TransactionValidator(ValidationPolicy.userIngress(ChainId.of(chain.id()))),
        new TxPool(pool.limits(), pool.minFeeCap(), nextBlock::l1FeeQuote),
        store,
        accounts,
        clock,
        new IngressMetrics(meterRegistry),
        ingress);
  }
}
