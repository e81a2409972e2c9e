package io.paraseq.sequencer.l1;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.batcher.support.PollingLoop;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.sequencer.chain.L1BaseFeeSource;
import io.paraseq.sequencer.config.L1FeeProperties;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Watches the L1 head's {@code baseFeePerGas} for the L1 data fee: every poll interval it reads the
 * latest L1 block and keeps the observation (clamped to the configured maximum) as {@link
 * #current()}. Until the first observation the value is the configured initial one; when the L1
 * cannot be read the last value stays, one line is logged when reading starts failing and one when
 * it works again, and {@code paraseq.l1.base.fee.poll.failures} counts the failures. Block
 * production never waits for it: {@link #current()} reads memory.
 *
 * <p>Threads: {@link #poll()} runs on the watcher's own thread ({@code l1-base-fee}), which alone
 * writes the observation and the failure flag; {@link #current()} is read from any thread through
 * an atomic reference. Gauge {@code paraseq.l1.base.fee.wei} (Prometheus {@code
 * paraseq_l1_base_fee_wei}) shows the current value.
 */
final class L1BaseFeeWatcher implements L1BaseFeeSource {

  private static final Logger log = LoggerFactory.getLogger(L1BaseFeeWatcher.class);

  private final Web3j l1;
  private final L1FeeProperties properties;
  private final AtomicReference<Wei> current;
  private final Counter failures;
  private boolean failing;
  private ScheduledExecutorService loop;

  L1BaseFeeWatcher(Web3j l1, L1FeeProperties properties, MeterRegistry registry) {
    this.l1 = Objects.requireNonNull(l1, "l1");
    this.properties = Objects.requireNonNull(properties, "properties");
    this.current = new AtomicReference<>(properties.initial());
    this.failures = Counter.builder("paraseq.l1.base.fee.poll.failures").register(registry);
    registerGauge(registry, this);
  }

  /** The gauge {@code paraseq.l1.base.fee.wei} of {@code source}'s current value. */
  static void registerGauge(MeterRegistry registry, L1BaseFeeSource source) {
    Gauge.builder("paraseq.l1.base.fee.wei", source, s -> s.current().value().doubleValue())
        .description("the L1 base fee the next block's L1 data fees use, wei")
        .register(registry);
  }

  @Override
  public Wei current() {
    return current.get();
  }

  /** Starts polling, the first poll at once. */
  void start() {
    loop = PollingLoop.start("l1-base-fee", properties.pollInterval(), this::poll);
    log.info(
        "l1 base fee watcher started poll_interval={} initial_wei={} max_wei={} scalar_ppm={}",
        properties.pollInterval(),
        properties.initialBaseFee(),
        properties.maxBaseFee(),
        properties.scalar());
  }

  /** Stops polling. */
  void close() {
    if (loop != null) {
      PollingLoop.stop(loop);
    }
  }

  /** One observation of the L1 head; on failure the last value stays. Never throws. */
  void poll() {
    try {
      EthBlock response = l1.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send();
      if (response.hasError()) {
        throw new IOException(
            "eth_getBlockByNumber failed: "
                + response.getError().getCode()
                + " "
                + response.getError().getMessage());
      }
      EthBlock.Block head = response.getBlock();
      if (head == null || head.getBaseFeePerGasRaw() == null) {
        throw new IOException("the L1 head has no baseFeePerGas");
      }
      Wei observed = Wei.of(head.getBaseFeePerGas().min(properties.maxBaseFee()));
      current.set(observed);
      if (failing) {
        failing = false;
        log.info(
            "l1 base fee observed again l1_block={} l1_base_fee_wei={}",
            head.getNumber(),
            observed.value());
      }
    } catch (IOException | RuntimeException e) {
      failures.increment();
      if (!failing) {
        failing = true;
        log.warn(
            "l1 base fee unavailable, keeping l1_base_fee_wei={} error=\"{}: {}\"",
            current.get().value(),
            e.getClass().getSimpleName(),
            e.getMessage());
      }
    }
  }
}
