package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.sequencer.config.ChainProperties;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The {@code paraseq.producer.*} and new {@code paraseq.chain.*} settings: defaults and checks. */
class ProducerPropertiesTest {

  @EnableConfigurationProperties({ProducerProperties.class, ChainProperties.class})
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class);

  @Test
  void defaults() {
    runner.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          ProducerProperties producer = ctx.getBean(ProducerProperties.class);
          assertThat(producer)
              .isEqualTo(new ProducerProperties(true, Duration.ofMillis(250), 10_000, false));
          ChainProperties chain = ctx.getBean(ChainProperties.class);
          assertThat(chain).isEqualTo(ChainProperties.withId(3195));
          assertThat(chain.gasLimit()).isEqualTo(30_000_000);
          assertThat(chain.baseFeeFloor()).isEqualTo(BigInteger.TEN.pow(7));
          assertThat(chain.initialBaseFee()).isEqualTo(BigInteger.TEN.pow(9));
          assertThat(chain.devAccounts()).isTrue();
        });
  }

  @Test
  void rejectsAnIntervalOutOfRange() {
    runner
        .withPropertyValues("paraseq.producer.block-interval=1ms")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("paraseq.producer.block-interval"));
  }

  @Test
  void rejectsAnInitialBaseFeeBelowTheFloor() {
    runner
        .withPropertyValues("paraseq.chain.base-fee-floor=100", "paraseq.chain.initial-base-fee=99")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("paraseq.chain.initial-base-fee"));
  }

  @Test
  void rejectsAMalformedFeeRecipient() {
    runner
        .withPropertyValues("paraseq.chain.fee-recipient=0x1234")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .hasStackTraceContaining(
                        "paraseq.chain.fee-recipient is not an address: 0x1234"));
  }
}
