package io.paraseq.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the batcher did for one measured run, from the readings of its meters ({@link
 * BatcherSampler}): the posting lag while the load ran, how long after the last inclusion every
 * block of the run was in a confirmed batch, and the batches, bytes and L1 costs of the run.
 *
 * <p>The counters are differences between the <em>baseline</em> reading (the last one taken at or
 * before the measured phase started, when every earlier block was already confirmed) and the
 * <em>settled</em> reading (the first one at or after the last inclusion that shows the last block
 * holding a workload transaction confirmed), or the last reading if the run never settled. So they
 * cover the batches of the run's own blocks.
 *
 * @param underLoad readings taken while the load ran (measured start to last inclusion)
 * @param lagBlocks the lag gauge in L2 blocks over those readings
 * @param lagSeconds the lag gauge in seconds over those readings
 * @param settleSeconds last inclusion seen → first reading with the run's last block confirmed;
 *     empty if that reading never came
 * @param lastWorkloadBlock the last L2 block holding a workload transaction
 * @param batchesBuilt batches built during the run
 * @param batchesConfirmed batches confirmed during the run
 * @param bytesPosted batch data confirmed during the run
 * @param transactionsPosted L2 transactions in the batches confirmed during the run
 * @param l1GasUsed L1 gas of the batcher's transactions confirmed during the run
 * @param l1EthSpent ETH they paid
 * @param included workload transactions included (the per-transfer denominator)
 */
record BatcherReport(
    int underLoad,
    LagSummary lagBlocks,
    LagSummary lagSeconds,
    Optional<Double> settleSeconds,
    long lastWorkloadBlock,
    long batchesBuilt,
    long batchesConfirmed,
    long bytesPosted,
    long transactionsPosted,
    long l1GasUsed,
    double l1EthSpent,
    long included) {

  private static final double NANOS_PER_SECOND = 1e9;
  private static final double GWEI_PER_ETH = 1e9;

  /**
   * Nearest-rank median and maximum of a gauge's readings.
   *
   * @param p50 the median
   * @param max the largest
   */
  record LagSummary(long p50, long max) {

    static LagSummary of(long[] values) {
      Percentiles.Summary summary = Percentiles.summarise(values);
      return new LagSummary(summary.p50(), summary.max());
    }
  }

  BatcherReport {
    Objects.requireNonNull(lagBlocks, "lagBlocks");
    Objects.requireNonNull(lagSeconds, "lagSeconds");
    Objects.requireNonNull(settleSeconds, "settleSeconds");
  }

  /**
   * The report of a run.
   *
   * @param samples every reading, oldest first, the first at or before {@code startNanos}
   * @param startNanos when the measured phase started ({@link System#nanoTime})
   * @param lastInclusionNanos when the last workload transaction was seen included
   * @param lastWorkloadBlock the last L2 block holding a workload transaction
   * @param included workload transactions included
   * @throws IllegalArgumentException if no reading precedes {@code startNanos}
   */
  static BatcherReport of(
      List<BatcherSampler.Sample> samples,
      long startNanos,
      long lastInclusionNanos,
      long lastWorkloadBlock,
      long included) {
    BatcherSampler.Sample baseline = null;
    BatcherSampler.Sample settled = null;
    List<BatcherSampler.Sample> underLoad = new ArrayList<>();
    for (BatcherSampler.Sample sample : samples) {
      long t = sample.nanos();
      if (t - startNanos <= 0) {
        baseline = sample;
      }
      if (t - startNanos >= 0 && t - lastInclusionNanos <= 0) {
        underLoad.add(sample);
      }
      if (settled == null
          && t - lastInclusionNanos >= 0
          && sample.snapshot().confirmedBlock() >= lastWorkloadBlock) {
        settled = sample;
      }
    }
    if (baseline == null) {
      throw new IllegalArgumentException("no batcher reading before the measured phase started");
    }
    long[] blocks = new long[underLoad.size()];
    long[] seconds = new long[underLoad.size()];
    for (int i = 0; i < underLoad.size(); i++) {
      blocks[i] = underLoad.get(i).snapshot().lagBlocks();
      seconds[i] = underLoad.get(i).snapshot().lagSeconds();
    }
    BatcherSnapshot from = baseline.snapshot();
    BatcherSnapshot to = (settled != null ? settled : samples.getLast()).snapshot();
    Optional<Double> settle =
        Optional.ofNullable(settled).map(s -> (s.nanos() - lastInclusionNanos) / NANOS_PER_SECOND);
    return new BatcherReport(
        underLoad.size(),
        LagSummary.of(blocks),
        LagSummary.of(seconds),
        settle,
        lastWorkloadBlock,
        to.batchesBuilt() - from.batchesBuilt(),
        to.batchesConfirmed() - from.batchesConfirmed(),
        to.bytesPosted() - from.bytesPosted(),
        to.transactionsPosted() - from.transactionsPosted(),
        to.l1GasUsed() - from.l1GasUsed(),
        to.l1EthSpent() - from.l1EthSpent(),
        included);
  }

  /** Posted batch bytes per included workload transaction. */
  double bytesPerTransfer() {
    return perTransfer(bytesPosted);
  }

  /** L1 gas per included workload transaction. */
  double l1GasPerTransfer() {
    return perTransfer(l1GasUsed);
  }

  /** L1 fees in gwei per included workload transaction. */
  double l1GweiPerTransfer() {
    return perTransfer(l1EthSpent * GWEI_PER_ETH);
  }

  /** The report as labelled lines, one figure each. */
  String render() {
    List<String> lines = new ArrayList<>();
    lines.add("batcher (the node's /actuator/prometheus, paraseq_batcher_* and paraseq_l1tx_*)");
    row(lines, "readings under load", String.format(Locale.ROOT, "%,d", underLoad));
    row(
        lines,
        "posting lag p50 / max, L2 blocks",
        String.format(Locale.ROOT, "%,d / %,d", lagBlocks.p50(), lagBlocks.max()));
    row(
        lines,
        "posting lag p50 / max, s",
        String.format(Locale.ROOT, "%d / %d", lagSeconds.p50(), lagSeconds.max()));
    row(
        lines,
        "last inclusion → all confirmed, s",
        settleSeconds
            .map(s -> String.format(Locale.ROOT, "%.2f", s))
            .orElse("never (gave up waiting)"));
    row(
        lines,
        "last block with workload txs",
        String.format(Locale.ROOT, "%,d", lastWorkloadBlock));
    row(lines, "batches built", String.format(Locale.ROOT, "%,d", batchesBuilt));
    row(lines, "batches confirmed", String.format(Locale.ROOT, "%,d", batchesConfirmed));
    row(
        lines,
        "L2 txs in confirmed batches",
        String.format(Locale.ROOT, "%,d", transactionsPosted));
    row(lines, "bytes posted", String.format(Locale.ROOT, "%,d", bytesPosted));
    row(lines, "bytes posted per transfer", String.format(Locale.ROOT, "%.1f", bytesPerTransfer()));
    row(lines, "L1 gas", String.format(Locale.ROOT, "%,d", l1GasUsed));
    row(lines, "L1 gas per transfer", String.format(Locale.ROOT, "%.1f", l1GasPerTransfer()));
    row(lines, "L1 fees, ETH", String.format(Locale.ROOT, "%.6f", l1EthSpent));
    row(
        lines,
        "L1 fees per transfer, gwei",
        String.format(Locale.ROOT, "%.1f", l1GweiPerTransfer()));
    if (transactionsPosted != included && settleSeconds.isPresent()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "note: the batches confirmed during the run hold %,d L2 transactions, the run"
                  + " included %,d (other transactions, or blocks of the warm-up, were posted"
                  + " with them)",
              transactionsPosted,
              included));
    }
    return String.join("\n", lines) + "\n";
  }

  private double perTransfer(double amount) {
    return included == 0 ? 0 : amount / included;
  }

  private static void row(List<String> lines, String label, String value) {
    lines.add(String.format(Locale.ROOT, "  %-40s %s", label, value));
  }
}
