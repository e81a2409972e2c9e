package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  @Test
  void twoTargetsSideBySideWithTheirRatio() {
    RunResult paraseq = result("paraseq", 1_000, Map.of("txpool is full", 5L), Map.of());
    RunResult anvil = result("anvil", 100, Map.of(), Map.of("nonce too low", 2L));
    String table = ReportTable.render(List.of(paraseq, anvil));

    List<String> lines = table.lines().toList();
    assertThat(lines.get(0)).contains("paraseq").contains("anvil").contains("paraseq ÷ anvil");
    assertThat(row(lines, "end-to-end TPS")).containsSubsequence("1,000", "100", "10.00x");
    assertThat(row(lines, "submitted")).containsSubsequence("1,000", "100");
    // Every reason any target saw, zero where the other had none.
    assertThat(row(lines, "  txpool is full")).containsSubsequence("5", "0");
    assertThat(row(lines, "  nonce too low")).containsSubsequence("0", "2");
    assertThat(table).doesNotContain("note:");
  }

  @Test
  void notesATargetThatLostAcknowledgedTransactions() {
    TxTimes times = new TxTimes(3);
    for (int i = 0; i < 3; i++) {
      times.sent(i, 0);
      times.acked(i, 0, 10);
    }
    times.included(0, 20);
    SubmitStats submit = new SubmitStats(1, 3, 3, 3, new TreeMap<>(), new TreeMap<>());
    RunResult anvil =
        RunResult.of("anvil", 1, "closed loop", 1, times, submit, new BlockStats(1, 1, 1, 1), 0);
    assertThat(ReportTable.render(List.of(anvil)))
        .contains(
            "note: anvil never included 2 acknowledged transactions; its end-to-end figures cover"
                + " the 1 it included");
  }

  @Test
  void oneTargetHasNoRatioColumn() {
    String table = ReportTable.render(List.of(result("anvil", 50, Map.of(), Map.of())));
    assertThat(table).doesNotContain("÷").doesNotContain("x\n");
    assertThat(ReportTable.ratio(1, 0)).isEmpty();
    assertThat(ReportTable.ratio(3, 2)).contains("1.50x");
  }

  @Test
  void theBatcherReportFollowsTheTableOfItsTarget() {
    BatcherSnapshot snapshot = new BatcherSnapshot(2, 1, 9, false, 3, 3, 600, 50, 9_000, 0.001);
    BatcherReport report =
        BatcherReport.of(
            List.of(
                new BatcherSampler.Sample(0, snapshot), new BatcherSampler.Sample(10, snapshot)),
            5,
            10,
            9,
            50);
    RunResult paraseq = result("paraseq", 50, Map.of(), Map.of()).withBatcher(report);
    String table = ReportTable.render(List.of(paraseq));
    assertThat(table)
        .contains("\nparaseq batcher (the node's /actuator/prometheus")
        .endsWith(report.render());
    assertThat(paraseq.batcher()).contains(report);
    assertThat(result("anvil", 1, Map.of(), Map.of()).batcher()).isEmpty();
  }

  @Test
  void lastIncludedIsTheLatestInclusion() {
    TxTimes times = new TxTimes(3);
    assertThat(times.lastIncluded()).isEqualTo(TxTimes.UNSET);
    times.included(2, -5);
    times.included(0, -7);
    assertThat(times.lastIncluded()).isEqualTo(-5);
  }

  private static String row(List<String> lines, String label) {
    return lines.stream()
        .filter(l -> l.startsWith(label + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + lines));
  }

  /** A result of {@code n} transactions, all included over one second. */
  private static RunResult result(
      String target, int n, Map<String, Long> retried, Map<String, Long> rejected) {
    TxTimes times = new TxTimes(n);
    for (int i = 0; i < n; i++) {
      times.sent(i, 0);
      times.acked(i, 0, 500_000_000);
      times.included(i, 1_000_000_000);
    }
    SubmitStats submit =
        new SubmitStats(1, n, n, n, new TreeMap<>(rejected), new TreeMap<>(retried));
    return RunResult.of(target, 1, "closed loop", 1, times, submit, new BlockStats(1, 1, n, 1), 0);
  }
}
