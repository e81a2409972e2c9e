package io.paraseq.sequencer.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The reference node setting: none by default, an http(s) URL when set, refused otherwise. */
class VerifierPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(VerifierProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class);

  @Test
  void noReferenceByDefault() {
    runner.run(
        ctx -> {
          VerifierProperties properties = ctx.getBean(VerifierProperties.class);
          assertThat(properties.reference()).isEmpty();
          assertThat(properties.referenceTimeout()).isEqualTo(Duration.ofSeconds(5));
        });
    runner
        .withPropertyValues("paraseq.verifier.reference-rpc=  ")
        .run(ctx -> assertThat(ctx.getBean(VerifierProperties.class).reference()).isEmpty());
  }

  @Test
  void aReferenceUrl() {
    runner
        .withPropertyValues(
            "paraseq.verifier.reference-rpc=http://127.0.0.1:8545/",
            "paraseq.verifier.reference-timeout=2s")
        .run(
            ctx -> {
              VerifierProperties properties = ctx.getBean(VerifierProperties.class);
              assertThat(properties.reference()).contains(URI.create("http://127.0.0.1:8545/"));
              assertThat(properties.referenceTimeout()).isEqualTo(Duration.ofSeconds(2));
            });
  }

  @Test
  void refusesWhatIsNotAnHttpUrlOrATimeout() {
    for (String bad :
        new String[] {
          "paraseq.verifier.reference-rpc=ws://127.0.0.1:8545",
          "paraseq.verifier.reference-rpc=not a url",
          "paraseq.verifier.reference-timeout=0s"
        }) {
      runner
          .withPropertyValues(bad)
          .run(
              ctx ->
                  assertThat(ctx)
                      .as(bad)
                      .hasFailed()
                      .getFailure()
                      .hasStackTraceContaining("paraseq.verifier.reference-"));
    }
  }
}
