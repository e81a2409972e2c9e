package io.paraseq.sequencer.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.tx.Wei;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Settings bind from properties and environment-style keys, with defaults, and bad ones fail. */
class PropertiesValidationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    ChainProperties.class,
    L1Properties.class,
    DbProperties.class,
    L1FeeProperties.class
  })
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class);

  @Test
  void defaultsApplyWhenNothingIsSet() {
    runner.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(ChainProperties.class).id()).isEqualTo(3195);
          L1Properties l1 = ctx.getBean(L1Properties.class);
          assertThat(l1.rpcUrl()).isEqualTo(URI.create("http://127.0.0.1:8546"));
          assertThat(l1.expectedChainId()).isEmpty();
          assertThat(l1.rollup()).isEmpty();
          assertThat(l1.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(ctx.getBean(DbProperties.class).schema()).isEqualTo("paraseq");
          L1FeeProperties l1Fee = ctx.getBean(L1FeeProperties.class);
          assertThat(l1Fee.enabled()).isFalse();
          assertThat(l1Fee.pollInterval()).isEqualTo(Duration.ofSeconds(2));
          assertThat(l1Fee.scalar()).isEqualTo(1_000_000);
          assertThat(l1Fee.initial()).isEqualTo(Wei.ZERO);
          assertThat(l1Fee.max()).isEqualTo(Wei.of(1_000_000_000_000_000L));
        });
  }

  @Test
  void rejectsL1FeeSettingsOutOfRange() {
    for (String bad :
        new String[] {
          "paraseq.l1-fee.scalar=-1",
          "paraseq.l1-fee.scalar=1000000001",
          "paraseq.l1-fee.poll-interval=0s",
          "paraseq.l1-fee.max-base-fee=9223372036854775808",
          "paraseq.l1-fee.initial-base-fee=-1",
        }) {
      runner
          .withPropertyValues(bad)
          .run(
              ctx ->
                  assertThat(ctx).as(bad).getFailure().rootCause().hasMessageContaining("l1-fee"));
    }
    runner
        .withPropertyValues(
            "paraseq.l1-fee.initial-base-fee=2000", "paraseq.l1-fee.max-base-fee=1000")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("paraseq.l1-fee.initial-base-fee"));
  }

  @Test
  void bindsEnvironmentStyleNames() {
    runner
        .withInitializer(
            ctx ->
                ctx.getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            "test-environment",
                            Map.of(
                                "PARASEQ_CHAIN_ID", "42",
                                "PARASEQ_L1_RPC_URL", "http://10.0.0.1:9999",
                                "PARASEQ_L1_ROLLUP_ADDRESS",
                                    "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                                "PARASEQ_L1_REQUEST_TIMEOUT", "750ms"))))
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx.getBean(ChainProperties.class).id()).isEqualTo(42);
              L1Properties l1 = ctx.getBean(L1Properties.class);
              assertThat(l1.rpcUrl()).isEqualTo(URI.create("http://10.0.0.1:9999"));
              assertThat(l1.rollup()).contains("0x5FbDB2315678afecb367f032d93F642f64180aa3");
              assertThat(l1.requestTimeout()).isEqualTo(Duration.ofMillis(750));
            });
  }

  @Test
  void rejectsAZeroChainId() {
    runner
        .withPropertyValues("paraseq.chain.id=0")
        .run(
            ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("paraseq.chain.id"));
  }

  @Test
  void rejectsAMalformedRollupAddress() {
    runner
        .withPropertyValues("paraseq.l1.rollup-address=0x1234")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("rollupAddress")
                    .hasMessageContaining("20-byte hex address"));
  }

  @Test
  void rejectsANonHttpL1Url() {
    runner
        .withPropertyValues("paraseq.l1.rpc-url=ws://127.0.0.1:8546")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("must be an http(s) URL"));
  }

  @Test
  void rejectsANonPositiveTimeout() {
    runner
        .withPropertyValues("paraseq.l1.request-timeout=0s")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("request-timeout must be positive"));
  }

  @Test
  void rejectsASchemaNameThatIsNotAnIdentifier() {
    runner
        .withPropertyValues("paraseq.db.schema=Robert'); DROP TABLE blocks;--")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("lower-case PostgreSQL identifier"));
  }
}
