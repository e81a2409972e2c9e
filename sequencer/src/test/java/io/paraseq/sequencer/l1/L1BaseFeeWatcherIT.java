package io.paraseq.sequencer.l1;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.sequencer.config.L1FeeProperties;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/**
 * The L1 base fee watcher against a real anvil started with a 7 gwei base fee: it takes the head's
 * {@code baseFeePerGas}, follows it when it changes, clamps it to the maximum, and keeps the last
 * value through an outage. Polls are called directly (the loop only repeats them).
 */
class L1BaseFeeWatcherIT {

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  @RegisterExtension
  static final AnvilFixture anvil = AnvilFixture.start(List.of("--base-fee", "7000000000"));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Web3j web3j;

  @BeforeEach
  void client() {
    web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
  }

  @AfterEach
  void close() {
    web3j.shutdown();
  }

  @Test
  void followsTheL1HeadAndKeepsTheLastValueThroughAnOutage() throws Exception {
    L1BaseFeeWatcher watcher = watcher(BigInteger.valueOf(5), BigInteger.TEN.pow(15));
    assertThat(watcher.current()).isEqualTo(Wei.of(5)); // before the first observation
    assertThat(gauge()).isEqualTo(5.0);

    watcher.poll();
    assertThat(watcher.current().value())
        .isEqualTo(headBaseFee())
        .isEqualTo(GWEI.multiply(BigInteger.valueOf(7)));
    assertThat(gauge()).isEqualTo(7e9);

    anvil.rpc(
        "anvil_setNextBlockBaseFeePerGas",
        List.of("0x" + GWEI.multiply(BigInteger.valueOf(9)).toString(16)));
    anvil.mine(1);
    watcher.poll();
    assertThat(watcher.current().value())
        .isEqualTo(headBaseFee())
        .isEqualTo(GWEI.multiply(BigInteger.valueOf(9)));

    anvil.stop();
    try {
      watcher.poll();
      watcher.poll();
      assertThat(watcher.current().value()).isEqualTo(GWEI.multiply(BigInteger.valueOf(9)));
      assertThat(registry.get("paraseq.l1.base.fee.poll.failures").counter().count())
          .isEqualTo(2.0);
    } finally {
      anvil.restart();
    }
    watcher.poll(); // a fresh chain from genesis: 7 gwei again
    assertThat(watcher.current().value()).isEqualTo(GWEI.multiply(BigInteger.valueOf(7)));
    assertThat(registry.get("paraseq.l1.base.fee.poll.failures").counter().count()).isEqualTo(2.0);
  }

  @Test
  void anObservationAboveTheMaximumIsClamped() throws Exception {
    L1BaseFeeWatcher watcher = watcher(BigInteger.ZERO, GWEI);

    watcher.poll();

    assertThat(headBaseFee()).isGreaterThan(GWEI);
    assertThat(watcher.current()).isEqualTo(Wei.of(GWEI));
  }

  private L1BaseFeeWatcher watcher(BigInteger initial, BigInteger max) {
    return new L1BaseFeeWatcher(
        web3j,
        new L1FeeProperties(true, Duration.ofMillis(100), 1_000_000, initial, max),
        registry);
  }

  private double gauge() {
    return registry.get("paraseq.l1.base.fee.wei").gauge().value();
  }

  private BigInteger headBaseFee() throws Exception {
    return web3j
        .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
        .send()
        .getBlock()
        .getBaseFeePerGas();
  }
}
