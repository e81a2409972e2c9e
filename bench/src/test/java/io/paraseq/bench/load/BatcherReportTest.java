package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatcherReportTest {

  private static final long MS = 1_000_000;
  private static final long START = 1_000 * MS;
  private static final long LAST_INCLUSION = 5_000 * MS;

  /** lag blocks/seconds, confirmed block, and counters that grow with {@code k}. */
  private static BatcherSampler.Sample at(
      long ms, long lagBlocks, long lagSeconds, long confirmed, int k) {
    return new BatcherSampler.Sample(
        ms * MS,
        new BatcherSnapshot(
            lagBlocks,
            lagSeconds,
            confirmed,
            false,
            2 + k,
            2 + k,
            100 + 225L * k,
            10 + 125L * k,
            1_000 + 12_500L * k,
            0.001 + 0.0125 * k));
  }

  private static List<BatcherSampler.Sample> run() {
    List<BatcherSampler.Sample> samples = new ArrayList<>();
    samples.add(at(500, 4, 2, 8, 0));
    samples.add(at(900, 0, 0, 10, 0)); // the baseline: the last reading before the start
    samples.add(at(1_000, 3, 1, 10, 0)); // under load from here (the start is inclusive) ...
    samples.add(at(2_000, 8, 2, 10, 1));
    samples.add(at(3_000, 5, 4, 18, 2));
    samples.add(at(5_000, 10, 3, 22, 3)); // ... to the last inclusion, inclusive
    samples.add(at(6_000, 4, 5, 25, 3));
    return samples;
  }

  @Test
  void lagUnderLoadSettleTimeAndTheCountersOfTheRun() {
    List<BatcherSampler.Sample> samples = run();
    samples.add(at(7_500, 0, 0, 30, 4)); // settled: the run's last block (30) confirmed
    samples.add(at(8_000, 0, 0, 31, 9)); // after settling: not counted

    BatcherReport report = BatcherReport.of(samples, START, LAST_INCLUSION, 30, 500);

    assertThat(report.underLoad()).isEqualTo(4);
    assertThat(report.lagBlocks()).isEqualTo(new BatcherReport.LagSummary(5, 10)); // of 3 5 8 10
    assertThat(report.lagSeconds()).isEqualTo(new BatcherReport.LagSummary(2, 4)); // of 1 2 3 4
    assertThat(report.settleSeconds())
        .hasValueSatisfying(s -> assertThat(s).isCloseTo(2.5, within(1e-9)));
    assertThat(report.batchesBuilt()).isEqualTo(4);
    assertThat(report.batchesConfirmed()).isEqualTo(4);
    assertThat(report.bytesPosted()).isEqualTo(900);
    assertThat(report.transactionsPosted()).isEqualTo(500);
    assertThat(report.l1GasUsed()).isEqualTo(50_000);
    assertThat(report.l1EthSpent()).isCloseTo(0.05, within(1e-12));
    assertThat(report.bytesPerTransfer()).isCloseTo(1.8, within(1e-9));
    assertThat(report.l1GasPerTransfer()).isCloseTo(100, within(1e-9));
    assertThat(report.l1GweiPerTransfer()).isCloseTo(100_000, within(1e-6));
  }

  @Test
  void aRunThatNeverSettledCountsToTheLastReading() {
    BatcherReport report = BatcherReport.of(run(), START, LAST_INCLUSION, 30, 500);
    assertThat(report.settleSeconds()).isEmpty();
    assertThat(report.batchesConfirmed()).isEqualTo(3);
    assertThat(report.render()).contains("never (gave up waiting)");
  }

  @Test
  void aReadingBeforeTheLastInclusionDoesNotSettleTheRun() {
    List<BatcherSampler.Sample> samples = run();
    samples.set(4, at(3_000, 5, 4, 30, 2)); // block 30 confirmed before the last inclusion seen
    samples.add(at(5_250, 0, 0, 30, 4));
    BatcherReport report = BatcherReport.of(samples, START, LAST_INCLUSION, 30, 500);
    assertThat(report.settleSeconds())
        .hasValueSatisfying(s -> assertThat(s).isCloseTo(0.25, within(1e-9)));
  }

  @Test
  void needsAReadingBeforeTheStart() {
    List<BatcherSampler.Sample> late = run().subList(3, 7);
    assertThatThrownBy(() -> BatcherReport.of(late, START, LAST_INCLUSION, 30, 500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the measured phase");
  }

  @Test
  void rendersEveryFigure() {
    List<BatcherSampler.Sample> samples = run();
    samples.add(at(7_500, 0, 0, 30, 4));
    String text = BatcherReport.of(samples, START, LAST_INCLUSION, 30, 500).render();
    assertThat(text)
        .contains("posting lag p50 / max, L2 blocks         5 / 10")
        .contains("posting lag p50 / max, s                 2 / 4")
        .contains("last inclusion → all confirmed, s        2.50")
        .contains("batches confirmed                        4")
        .contains("bytes posted per transfer                1.8")
        .contains("L1 gas per transfer                      100.0")
        .contains("L1 fees per transfer, gwei               100000.0")
        .doesNotContain("note:");
  }
}
