package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** {@code paraseq.rpc.*} binds with defaults and environment names, and bad values fail. */
class RpcPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RpcProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class);

  @Test
  void defaultsMatchGeth() {
    runner.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          RpcProperties rpc = ctx.getBean(RpcProperties.class);
          assertThat(rpc.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(5));
          assertThat(rpc.maxRequestBytes()).isEqualTo(5 * 1024 * 1024);
          assertThat(rpc.maxBatchSize()).isEqualTo(1000);
        });
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
                                "PARASEQ_RPC_MAX_REQUEST_SIZE", "256KB",
                                "PARASEQ_RPC_MAX_BATCH_SIZE", "50"))))
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              RpcProperties rpc = ctx.getBean(RpcProperties.class);
              assertThat(rpc.maxRequestBytes()).isEqualTo(256 * 1024);
              assertThat(rpc.maxBatchSize()).isEqualTo(50);
            });
  }

  @Test
  void rejectsABatchLimitBelowOne() {
    runner
        .withPropertyValues("paraseq.rpc.max-batch-size=0")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("maxBatchSize"));
  }

  @Test
  void rejectsABodyLimitOutOfRange() {
    runner
        .withPropertyValues("paraseq.rpc.max-request-size=1GB")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("max-request-size must be between 1KB and 128MB"));
  }
}
