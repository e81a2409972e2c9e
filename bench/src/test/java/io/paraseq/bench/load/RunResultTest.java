package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunResultTest {

  private static final long MS = 1_000_000;

  @Test
  void figuresFromRecordedTimes() {
    // Five transactions sent at t=0 ms; four acknowledged at 100..400 ms; three included.
    TxTimes times = new TxTimes(5);
    long t0 = 1_000 * MS;
    for (int i = 0; i < 5; i++) {
      times.sent(i, t0);
    }
    for (int i = 0; i < 4; i++) {
      times.acked(i, t0, t0 + (i + 1) * 100 * MS);
    }
    times.included(0, t0 + 500 * MS);
    times.included(1, t0 + 500 * MS);
    times.included(2, t0 + 1_000 * MS);
    assertThat(times.included(2, t0 + 2_000 * MS)).isFalse();

    SubmitStats submit =
        new SubmitStats(1, 5, 5, 4, new TreeMap<>(Map.of("nonce too low", 1L)), new TreeMap<>());
    BlockStats blocks = BlockStats.NONE.plus(7, 2).plus(8, 0).plus(9, 1);
    RunResult result = RunResult.of("paraseq", 3195, "closed loop", 2, times, submit, blocks, 0.5);

    assertThat(result.transactions()).isEqualTo(5);
    assertThat(result.included()).isEqualTo(3);
    assertThat(result.lost()).isEqualTo(1); // acknowledged, never in a block
    assertThat(result.submitSeconds()).isCloseTo(0.4, within(1e-9));
    assertThat(result.endToEndSeconds()).isCloseTo(1.0, within(1e-9));
    assertThat(result.submitTps()).isCloseTo(10.0, within(1e-9));
    assertThat(result.endToEndTps()).isCloseTo(3.0, within(1e-9));
    assertThat(result.ackLatency())
        .isEqualTo(new Percentiles.Summary(4, 200 * MS, 400 * MS, 400 * MS));
    assertThat(result.inclusionLatency())
        .isEqualTo(new Percentiles.Summary(3, 500 * MS, 1_000 * MS, 1_000 * MS));
    assertThat(result.blocks()).isEqualTo(new BlockStats(3, 2, 2, 9));
    assertThat(result.transactionsPerBlock()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void nothingSentGivesZeroRates() {
    RunResult result =
        RunResult.of(
            "anvil",
            31337,
            "closed loop",
            1,
            new TxTimes(3),
            SubmitStats.empty(),
            BlockStats.NONE,
            0);
    assertThat(result.submitTps()).isZero();
    assertThat(result.endToEndTps()).isZero();
    assertThat(result.transactionsPerBlock()).isZero();
    assertThat(result.lost()).isZero();
    assertThat(result.inclusionLatency()).isEqualTo(Percentiles.Summary.EMPTY);
  }
}
