package io.paraseq.sequencer.verifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.batcher.derive.Verifier;
import io.paraseq.batcher.derive.VerifierCursorStore;
import io.paraseq.batcher.l1.ResilientL1Client;
import io.paraseq.batcher.l1.Web3jL1Client;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.chain.DerivedBlockImport;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.L1Properties;
import io.paraseq.sequencer.config.NodeProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;

/**
 * The verifier role ({@code paraseq.role=verifier}): the derivation loop ({@link Verifier}) over
 * the node's L1 client (with its own retries and circuit breaker), the cursor in the node's schema,
 * and the chain it imports into ({@link DerivedBlockImport}); started with the context, stopped
 * before the block producer whose thread imports the blocks. Its health is the {@code verifier}
 * component.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = NodeProperties.ROLE_PROPERTY, havingValue = "verifier")
class VerifierConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  @DependsOnDatabaseInitialization
  Verifier verifier(
      VerifierProperties properties,
      L1Properties l1Properties,
      ChainProperties chain,
      Web3j l1Client,
      DataSource dataSource,
      DerivedBlockImport derivedChain,
      Clock clock,
      MeterRegistry registry) {
    Address rollup =
        l1Properties
            .rollup()
            .map(Address::fromHex)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "paraseq.l1.rollup-address (PARASEQ_L1_ROLLUP_ADDRESS) is required in the"
                            + " verifier role"));
    return new Verifier(
        new ResilientL1Client(
            new Web3jL1Client(l1Client), properties.l1().toConfig(), clock, registry),
        derivedChain,
        new VerifierCursorStore(dataSource),
        properties.toConfig(rollup, ChainId.of(chain.id())),
        registry);
  }

  @Bean
  VerifierHealthIndicator verifierHealthIndicator(Verifier verifier) {
    return new VerifierHealthIndicator(verifier);
  }
}
