package io.paraseq.bench.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tiny grid end to end: every cell runs, every Block-STM result equals the sequential one. */
class ExecMainTest {

  @Test
  void aTinyGridRunsEveryCellAndExecutorAndReportsThem() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status =
        ExecMain.run(
            List.of(
                "--accounts", "2,30",
                "--txs", "40,120",
                "--threads", "1,2,3",
                "--warmup", "1",
                "--iterations", "2"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(log.toString(StandardCharsets.UTF_8)).isZero();
    List<String> rows =
        report
            .lines()
            .filter(l -> l.contains("| sequential |") || l.contains("| block-stm |"))
            .toList();
    // 3 workloads × 2 account counts × 2 block sizes × (sequential + 3 thread counts)
    assertThat(rows).hasSize(3 * 2 * 2 * 4);
    assertThat(report).contains(ExecReport.ROW_HEADER);
    assertThat(report).contains("| amm | 30 | 3 | 120 | block-stm | 3 |");
    assertThat(report).contains("| workload | accounts | pools | 40 txs, 1 thr |");
    // the node's configuration: Block-STM on the most threads, hot-sender fallback on
    assertThat(report).contains("| amm | 30 | 3 | 120 | " + ExecutorRow.NODE + " | 3 |");
    assertThat(report).contains("| 120 txs, 3 thr | 120 txs, node 3 thr |");
    assertThat(report.lines().filter(l -> l.contains("| " + ExecutorRow.NODE + " |")).count())
        .isEqualTo(3 * 2 * 2);
    assertThat(report.lines().filter(l -> l.startsWith("| erc20 | 2 | – | ")).count())
        .isEqualTo(2 * 5 + 1); // the rows of the 40- and 120-tx cells, then the summary row
  }

  @Test
  void aWrongCommandLineExitsWithTwo() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status =
        ExecMain.run(
            List.of("--accounts", "1"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("Usage: ./paraseq bench exec");
  }
}
