package io.paraseq.sequencer.batcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.batcher.build.BatchEncoding;
import io.paraseq.batcher.l1.L1TransactionManager;
import io.paraseq.batcher.l1.L1TxConfig;
import io.paraseq.batcher.l1.L1TxStore;
import io.paraseq.batcher.l1.ResilientL1Client;
import io.paraseq.batcher.l1.RollupView;
import io.paraseq.batcher.l1.Web3jL1Client;
import io.paraseq.batcher.l1.Web3jTxSigner;
import io.paraseq.batcher.post.BatchProgress;
import io.paraseq.batcher.post.BatchStore;
import io.paraseq.batcher.post.Batcher;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.L1Properties;
import io.paraseq.sequencer.config.NodeProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * The batcher's progress (always: the block names {@code safe} and {@code finalized} read it; it
 * stays at the genesis while no batcher runs) and, with {@code paraseq.batcher.enabled=true}, the
 * batcher itself (never in the verifier role): its L1 transaction manager (polled by the batcher's
 * loop, not started on its own), its store, and its loop thread, started with the context and
 * stopped with it.
 */
@Configuration(proxyBeanMethods = false)
class BatcherConfiguration {

  @Bean
  BatchProgress batchProgress() {
    return new BatchProgress();
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "paraseq.batcher", name = "enabled", havingValue = "true")
  @ConditionalOnProperty(
      name = NodeProperties.ROLE_PROPERTY,
      havingValue = "sequencer",
      matchIfMissing = true)
  static class Enabled {

    @Bean
    ChainSealedBlocks sealedBlocks(DataSource dataSource, ChainHead head) {
      return new ChainSealedBlocks(dataSource, head);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    Batcher batcher(
        BatcherProperties properties,
        L1Properties l1Properties,
        ChainProperties chain,
        Web3j l1Client,
        DataSource dataSource,
        ChainSealedBlocks sealedBlocks,
        BatchProgress progress,
        Clock clock,
        MeterRegistry registry) {
      Address rollup = l1Properties.requiredRollup("when the batcher is enabled");
      L1TxConfig txConfig = properties.l1tx().toConfig(properties.pollInterval());
      ResilientL1Client l1 =
          new ResilientL1Client(
              new Web3jL1Client(l1Client), properties.l1().toConfig(), clock, registry);
      L1TransactionManager manager =
          new L1TransactionManager(
              l1,
              new Web3jTxSigner(Credentials.create(properties.privateKey())),
              new L1TxStore(dataSource),
              txConfig,
              clock,
              registry);
      return new Batcher(
          sealedBlocks,
          new BatchEncoding(ChainId.of(chain.id())),
          new BatchStore(dataSource),
          manager,
          new RollupView(l1, rollup),
          properties.batcherConfig(),
          txConfig.maxInFlight(),
          clock,
          progress,
          registry);
    }
  }
}
