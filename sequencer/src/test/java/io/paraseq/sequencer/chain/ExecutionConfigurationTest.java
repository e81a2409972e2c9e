package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.stm.BlockStmExecutor;
import io.paraseq.protocol.exec.stm.ContentionFallback;
import io.paraseq.protocol.exec.stm.WorkThreshold;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionSignature;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                      true,
                      true,
                      1,
                      4,
                      10,
                      2));
          BlockStmExecutor executor = (BlockStmExecutor) ctx.getBean(BlockExecutor.class);
          assertThat(executor.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
          assertThat(executor.minParallelTransactions())
              .isEqualTo(ExecutionProperties.DEFAULT_MIN_PARALLEL_TXS);
          assertThat(executor.hotSenderFallback()).isTrue();
          assertThat(executor.contentionFallback()).isEqualTo(ContentionFallback.DEFAULT);
          assertThat(executor.workThreshold()).isEqualTo(WorkThreshold.DEFAULT);
        });
  }

  @Test
  void theCostRuleTakesItsCostsAsGivenOrIsOff() {
    runner
        .withPropertyValues(
            "paraseq.exec.transfer-cost=2",
            "paraseq.exec.token-cost=7",
            "paraseq.exec.pair-cost=30",
            "paraseq.exec.bookkeeping-cost=5")
        .run(
            ctx ->
                assertThat(((BlockStmExecutor) ctx.getBean(BlockExecutor.class)).workThreshold())
                    .isEqualTo(new WorkThreshold(2, 7, 30, 5)));
    runner
        .withPropertyValues("paraseq.exec.cost-rule=false")
        .run(
            ctx ->
                assertThat(((BlockStmExecutor) ctx.getBean(BlockExecutor.class)).workThreshold())
                    .isEqualTo(WorkThreshold.OFF));
  }

  @Test
  void aBlockOfPlainTransfersRunsSequentiallyByTheCostRuleAndIsCounted() {
    BlockContext context =
        new BlockContext(
            1,
            1,
            Address.fromHex("0x" + "11".repeat(20)),
            Wei.of(1),
            30_000_000,
            ChainId.PARASEQ_DEFAULT);
    Map<Address, Allocation> funded = new HashMap<>();
    List<VerifiedTransaction> transfers = new ArrayList<>();
    for (int i = 1; i <= 10; i++) { // ten senders, one plain transfer each: nothing hot
      Address sender = Address.fromHex(String.format("0x%040x", i));
      funded.put(sender, Allocation.of(Wei.of(1_000_000_000_000_000L)));
      transfers.add(transfer(sender, Address.fromHex("0x" + "22".repeat(20))));
    }
    WorldState state = WorldState.genesis(GenesisAlloc.of(funded));
    runner
        .withPropertyValues("paraseq.exec.min-parallel-txs=0", "paraseq.exec.threads=2")
        .run(
            ctx -> {
              BlockExecutor executor = ctx.getBean(BlockExecutor.class);
              assertThat(executor.execute(context, transfers, state.view()))
                  .isEqualTo(new SequentialExecutor().execute(context, transfers, state.view()));

              MeterRegistry meters = ctx.getBean(MeterRegistry.class);
              assertThat(meters.get("paraseq.exec.sequential").counter().count()).isEqualTo(1);
              assertThat(meters.get("paraseq.exec.little-work").counter().count()).isEqualTo(1);
              assertThat(meters.get("paraseq.exec.parallel").counter().count()).isZero();
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

  private static final Bytes ONE_WORD = Bytes.of(new byte[31]).concat(Bytes.of((byte) 1));

  /** A plain transfer of 1 wei from {@code sender} (nonce 0), signature not checked. */
  private static VerifiedTransaction transfer(Address sender, Address to) {
    SignedTransaction tx =
        new SignedTransaction(
            new DynamicFeeTransaction(
                ChainId.PARASEQ_DEFAULT,
                0,
                Wei.of(1),
                Wei.of(2),
                21_000,
                Optional.of(to),
                Wei.of(1),
                Bytes.EMPTY,
                List.of()),
            new TransactionSignature(0, ONE_WORD, ONE_WORD));
    Bytes encoded = tx.encoded();
    return new VerifiedTransaction(tx, encoded, Hash.keccak(encoded), sender, 21_000);
  }

  @Test
  void invalidSettingsStopTheStartNamingTheSetting() {
    for (String bad :
        List.of(
            "paraseq.exec.mode=speculative",
            "paraseq.exec.threads=-1",
            "paraseq.exec.threads=257",
            "paraseq.exec.min-parallel-txs=-5",
            "paraseq.exec.token-cost=-1",
            "paraseq.exec.bookkeeping-cost=0")) {
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
