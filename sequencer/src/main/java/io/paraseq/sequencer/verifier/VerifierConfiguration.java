package io.paraseq.sequencer.verifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.batcher.derive.ReferenceChain;
import io.paraseq.batcher.derive.Verifier;
import io.paraseq.batcher.derive.VerifierCursorStore;
import io.paraseq.batcher.l1.ResilientL1Client;
import io.paraseq.batcher.l1.Web3jL1Client;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.chain.DerivedBlockImport;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.DbProperties;
import io.paraseq.sequencer.config.L1Properties;
import io.paraseq.sequencer.config.NodeProperties;
import io.paraseq.sequencer.store.ChainStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.web3j.protocol.Web3j;

/**
 * The verifier role ({@code paraseq.role=verifier}): the derivation loop ({@link Verifier}) over
 * the node's L1 client (with its own retries and circuit breaker), the cursor in the node's schema,
 * and the chain it imports into ({@link DerivedBlockImport}); started with the context, stopped
 * before the block producer whose thread imports the blocks. Its health is the {@code verifier}
 * component. With {@code paraseq.verifier.reference-rpc} a {@link Web3jReferenceChain} locates the
 * first differing block of a state root mismatch.
 */
@Configuration(proxyBeanMethods = false)
class VerifierConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  @DependsOnDatabaseInitialization
  @ConditionalOnProperty(name = NodeProperties.ROLE_PROPERTY, havingValue = "verifier")
  Verifier verifier(
      VerifierProperties properties,
      L1Properties l1Properties,
      ChainProperties chain,
      Web3j l1Client,
      DataSource dataSource,
      DerivedBlockImport derivedChain,
      Clock clock,
      ObjectProvider<Web3jReferenceChain> reference,
      MeterRegistry registry) {
    Address rollup = l1Properties.requiredRollup("in the verifier role");
    return new Verifier(
        new ResilientL1Client(
            new Web3jL1Client(l1Client), properties.l1().toConfig(), clock, registry),
        derivedChain,
        new VerifierCursorStore(dataSource),
        properties.toConfig(rollup, ChainId.of(chain.id())),
        Optional.ofNullable(reference.getIfAvailable()).map(ReferenceChain.class::cast),
        registry);
  }

  /**
   * The reference node ({@code paraseq.verifier.reference-rpc}), if set: asked after a state root
   * mismatch only, to name the first differing block.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = NodeProperties.ROLE_PROPERTY, havingValue = "verifier")
  @ConditionalOnExpression("!'${paraseq.verifier.reference-rpc:}'.isBlank()")
  Web3jReferenceChain referenceChain(VerifierProperties properties) {
    return new Web3jReferenceChain(
        properties.reference().orElseThrow(), properties.referenceTimeout());
  }

  @Bean
  @ConditionalOnProperty(name = NodeProperties.ROLE_PROPERTY, havingValue = "verifier")
  VerifierHealthIndicator verifierHealthIndicator(Verifier verifier) {
    return new VerifierHealthIndicator(verifier);
  }

  /**
   * A sequencer's embedded verifier ({@code paraseq.verifier.embedded=true}): its own context in
   * the verifier role, schema {@code paraseq.verifier.embedded-schema}, port {@code
   * paraseq.verifier.embedded-port}, the sequencer's genesis timestamp.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(
      name = NodeProperties.ROLE_PROPERTY,
      havingValue = "sequencer",
      matchIfMissing = true)
  @ConditionalOnProperty(name = "paraseq.verifier.embedded", havingValue = "true")
  static class Embedded {

    @Bean
    EmbeddedVerifier embeddedVerifier(
        ConfigurableEnvironment environment,
        ApplicationArguments arguments,
        VerifierProperties properties,
        DbProperties db,
        ChainStore store) {
      return new EmbeddedVerifier(
          environment,
          arguments.getSourceArgs(),
          Map.of(
              NodeProperties.ROLE_PROPERTY,
              "verifier",
              "paraseq.db.schema",
              properties.embeddedSchemaNextTo(db.schema()),
              "server.port",
              Integer.toString(properties.embeddedPort()),
              "paraseq.verifier.embedded",
              "false",
              "paraseq.batcher.enabled",
              "false",
              "spring.application.name",
              "paraseq-verifier"),
          () ->
              store
                  .genesisHeader()
                  .orElseThrow(() -> new IllegalStateException("no genesis block"))
                  .timestamp());
    }
  }
}
