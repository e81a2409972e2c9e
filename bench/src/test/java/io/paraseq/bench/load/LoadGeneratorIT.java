package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.AnvilFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator end to end against real anvil nodes, interval-mined ({@code --block-time 1}): anvil
 * 1.7's automine can leave transactions unmined under concurrent submission, which would make a
 * test flaky. Small workloads; nothing here is timed.
 */
class LoadGeneratorIT {

  @RegisterExtension
  static final AnvilFixture anvil = AnvilFixture.create(List.of("--block-time", "1"));

  @TempDir Path logs;

  @Test
  void fundsSendsAndSeesEveryTransferIncludedAtAnRpcUrl() {
    Run run =
        run(
            "--rpc-url", anvil.rpcUrl(),
            "--senders", "12",
            "--txs", "150",
            "--warmup", "24",
            "--concurrency", "4",
            "--batch-size", "20",
            "--seed", "7",
            "--timeout", "20");

    assertThat(run.status()).as(run.log()).isZero();
    assertThat(row(run, "chain id")).endsWith(" 31337");
    assertThat(row(run, "submitted")).endsWith(" 150");
    assertThat(row(run, "accepted")).endsWith(" 150");
    assertThat(row(run, "rejected")).endsWith(" 0");
    assertThat(row(run, "included")).endsWith(" 150");
    assertThat(row(run, "HTTP requests")).endsWith(" 8"); // 4 lanes × 2 batches of ≤ 20
    assertThat(run.log())
        .contains("funding 12 senders")
        .contains("warmed up with 24 transfers (24 included)");
  }

  @Test
  void startsAndStopsItsOwnAnvilForTheAnvilTarget() {
    Path binary =
        Path.of(System.getProperty("paraseq.root"))
            .resolve("contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
    Run run =
        run(
            "--target", "anvil",
            "--anvil-bin", binary.toString(),
            "--anvil-args", "--block-time 1",
            "--log-dir", logs.toString(),
            "--senders", "5",
            "--txs", "40",
            "--warmup", "0",
            "--rate", "200",
            "--timeout", "20");

    assertThat(run.status()).as(run.log()).isZero();
    assertThat(row(run, "schedule")).endsWith("open loop at 200 tx/s");
    assertThat(row(run, "included")).endsWith(" 40");
    assertThat(run.out()).contains("anvil: --block-time 1");
    assertThat(run.log())
        .contains("anvil started at http://127.0.0.1:")
        .doesNotContain("warmed up");
  }

  @Test
  void aWrongCommandLineExitsWithTwo() {
    Run run = run("--target", "nowhere");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.log()).contains("--target must be paraseq, anvil or both").contains("Usage:");
  }

  private record Run(int status, String out, String log) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status =
        LoadMain.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
  }

  private static String row(Run run, String label) {
    return run.out()
        .lines()
        .filter(line -> line.startsWith(label + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + run.out()));
  }
}
