package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.stm.BlockStmExecutor;
import io.paraseq.protocol.exec.stm.ContentionFallback;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The {@code paraseq.exec.*} settings choose, configure and meter the producer's executor. */
class ExecutionConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ExecutionProperties.class)
  @Import(ExecutionConfiguration.class)
  static class Config {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class);

  @Test
  void byDefaultTheProducerRunsBlockStmOnEveryProcessor() {
    runner.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(ExecutionProperties.class))
              .isEqualTo(
                  new ExecutionProperties(
                      ExecutionProperties.Mode.PARALLEL,
                      0,
                      ExecutionProperties.DEFAULT_MIN_PARALLEL_TXS,
                      true,
                      true));
          BlockStmExecutor executor = (BlockStmExecutor) ctx.getBean(BlockExecutor.class);
          assertThat(executor.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
          assertThat(executor.minParallelTransactions())
              .isEqualTo(ExecutionProperties.DEFAULT_MIN_PARALLEL_TXS);
          assertThat(executor.hotSenderFallback()).isTrue();
          assertThat(executor.contentionFallback()).isEqualTo(ContentionFallback.DEFAULT);
        });
  }

  @Test
  void theModeSwitchSelectsTheSequentialExecutor() {
    runner
        .withPropertyValues("paraseq.exec.mode=sequential")
        .run(
            ctx ->
                assertThat(ctx.getBean(BlockExecutor.class))
                    .isInstanceOf(SequentialExecutor.class));
  }

  @Test
  void threadsAndThresholdAreTakenAsGiven() {
    runner
        .withPropertyValues(
            "paraseq.exec.mode=PARALLEL",
            "paraseq.exec.threads=3",
            "paraseq.exec.min-parallel-txs=0")
        .run(
            ctx -> {
              BlockStmExecutor executor = (BlockStmExecutor) ctx.getBean(BlockExecutor.class);
              assertThat(executor.threads()).isEqualTo(3);
              assertThat(executor.minParallelTransactions()).isZero();
            });
  }

  @Test
  void everyBlockIsCountedAsParallelOrSequential() {
    BlockContext context =
        new BlockContext(
            1,
            1,
            Address.fromHex("0x" + "11".repeat(20)),
            Wei.ZERO,
            30_000_000,
            ChainId.PARASEQ_DEFAULT);
    WorldState state = WorldState.empty();
    runner
        .withPropertyValues("paraseq.exec.min-parallel-txs=1")
        .run(
            ctx -> {
              ctx.getBean(BlockExecutor.class).execute(context, List.of(), state.view());

              MeterRegistry meters = ctx.getBean(MeterRegistry.class);
              assertThat(meters.get("paraseq.exec.sequential").counter().count()).isEqualTo(1);
              assertThat(meters.get("paraseq.exec.parallel").counter().count()).isZero();
              assertThat(meters.get("paraseq.exec.aborts").summary().count()).isZero();
            });
    runner
        .withPropertyValues("paraseq.exec.min-parallel-txs=0")
        .run(
            ctx -> {
              ctx.getBean(BlockExecutor.class).execute(context, List.of(), state.view());

              MeterRegistry meters = ctx.getBean(MeterRegistry.class);
              assertThat(meters.get("paraseq.exec.sequential").counter().count()).isZero();
              assertThat(meters.get("paraseq.exec.parallel").counter().count()).isEqualTo(1);
              assertThat(meters.get("paraseq.exec.reexecutions").summary().count()).isEqualTo(1);
              assertThat(meters.get("paraseq.exec.suspensions").summary().totalAmount()).isZero();
            });
  }

  @Test
  void invalidSettingsStopTheStartNamingTheSetting() {
    for (String bad :
        List.of(
            "paraseq.exec.mode=speculative",
            "paraseq.exec.threads=-1",
            "paraseq.exec.threads=257",
            "paraseq.exec.min-parallel-txs=-5")) {
      runner
          .withPropertyValues(bad)
          .run(
              ctx ->
                  assertThat(ctx)
                      .getFailure()
                      .hasStackTraceContaining(bad.substring(0, bad.indexOf('='))));
    }
  }
}
