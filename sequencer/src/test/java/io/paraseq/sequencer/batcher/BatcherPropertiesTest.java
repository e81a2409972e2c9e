package io.paraseq.sequencer.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.l1.L1ResilienceConfig;
import io.paraseq.batcher.l1.L1TxConfig;
import io.paraseq.batcher.post.BatcherConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code paraseq.batcher.*}: defaults, environment names, validation, the key kept out of logs. */
class BatcherPropertiesTest {

  static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  @EnableConfigurationProperties(BatcherProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class);

  @Test
  void defaultsAreTheDocumentedOnes() {
    runner.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          BatcherProperties p = ctx.getBean(BatcherProperties.class);
          assertThat(p.enabled()).isFalse();
          assertThat(p.batcherConfig()).isEqualTo(BatcherConfig.DEFAULTS);
          assertThat(p.l1tx().toConfig(L1TxConfig.DEFAULTS.pollInterval()))
              .isEqualTo(L1TxConfig.DEFAULTS);
          assertThat(p.l1().toConfig()).isEqualTo(L1ResilienceConfig.DEFAULTS);
        });
  }

  @Test
  void bindsEnvironmentStyleNamesAndHidesTheKey() {
    runner
        .withInitializer(
            ctx ->
                ctx.getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            // Named like the real one, so Spring maps names as it does there.
                            "test-systemEnvironment",
                            Map.of(
                                "PARASEQ_BATCHER_ENABLED", "true",
                                "PARASEQ_BATCHER_PRIVATE_KEY", KEY,
                                "PARASEQ_BATCHER_MAX_BYTES", "60000",
                                "PARASEQ_BATCHER_MAX_BLOCKS", "50",
                                "PARASEQ_BATCHER_MAX_AGE", "3s",
                                "PARASEQ_BATCHER_L1TX_CONFIRMATION_DEPTH", "5",
                                "PARASEQ_BATCHER_L1_RETRY_MAX_ATTEMPTS", "7"))))
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              BatcherProperties p = ctx.getBean(BatcherProperties.class);
              assertThat(p.enabled()).isTrue();
              assertThat(p.batcherConfig())
                  .isEqualTo(
                      new BatcherConfig(60_000, 50, Duration.ofSeconds(3), Duration.ofSeconds(1)));
              assertThat(p.l1tx().confirmationDepth()).isEqualTo(5);
              assertThat(p.l1().retryMaxAttempts()).isEqualTo(7);
              assertThat(p.toString())
                  .doesNotContain(KEY.substring(2))
                  .contains("privateKey=(set)");
            });
  }

  @Test
  void bindsNestedProperties() {
    runner
        .withPropertyValues("paraseq.batcher.l1tx.confirmation-depth=6")
        .run(
            ctx ->
                assertThat(ctx.getBean(BatcherProperties.class).l1tx().confirmationDepth())
                    .isEqualTo(6));
  }

  @Test
  void enabledWithoutAKeyFails() {
    runner
        .withPropertyValues("paraseq.batcher.enabled=true")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("paraseq.batcher.private-key"));
  }

  @Test
  void rejectsAConfirmationDepthOfZeroAndAMalformedKey() {
    runner
        .withPropertyValues("paraseq.batcher.l1tx.confirmation-depth=0")
        .run(ctx -> assertThat(ctx).hasFailed());
    runner
        .withPropertyValues("paraseq.batcher.private-key=0x1234")
        .run(ctx -> assertThat(ctx).hasFailed());
  }
}
