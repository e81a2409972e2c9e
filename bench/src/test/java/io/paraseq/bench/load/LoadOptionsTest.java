package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void defaults() throws UsageException {
    LoadOptions options = LoadOptions.parse(List.of("--rpc-url", "http://127.0.0.1:8545"), NO_ENV);
    assertThat(options.target()).isEqualTo(Target.PARASEQ);
    assertThat(options.rpcUrl()).contains(URI.create("http://127.0.0.1:8545"));
    assertThat(options.senders()).isEqualTo(1000);
    assertThat(options.transactions()).isEqualTo(100_000);
    assertThat(options.concurrency()).isEqualTo(8);
    assertThat(options.batchSize()).isEqualTo(100);
    assertThat(options.rate()).isEmpty();
    assertThat(options.schedule()).isEqualTo(new Schedule.ClosedLoop());
    assertThat(options.seed()).isEqualTo(1);
    assertThat(options.fees()).isEqualTo(Fees.ofGwei(10_000, 1));
    assertThat(options.valueWei()).isEqualTo(1);
    assertThat(options.anvilArgs()).isEmpty();
    assertThat(options.logDirectory()).isEqualTo(Path.of(".bench"));
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.poll()).isEqualTo(Duration.ofMillis(10));
    assertThat(options.batcher()).isFalse();
  }

  @Test
  void everyOptionInBothForms() throws UsageException {
    LoadOptions options =
        LoadOptions.parse(
            List.of(
                "--target=both",
                "--rpc-url=http://localhost:1234/",
                "--senders",
                "20",
                "--txs=1_000",
                "--concurrency",
                "4",
                "--batch-size=10",
                "--rate",
                "2500.5",
                "--seed=-7",
                "--max-fee-gwei",
                "50",
                "--tip-gwei=0",
                "--value-wei",
                "3",
                "--anvil-bin=/opt/anvil",
                "--anvil-args",
                " --block-time  1 ",
                "--log-dir",
                "/tmp/x",
                "--timeout=5",
                "--poll-ms",
                "25",
                "--batcher"),
            NO_ENV);
    assertThat(options)
        .isEqualTo(
            new LoadOptions(
                Target.BOTH,
                Optional.of(URI.create("http://localhost:1234/")),
                20,
                1000,
                LoadOptions.DEFAULT_WARMUP,
                4,
                10,
                Optional.of(2500.5),
                -7,
                Fees.ofGwei(50, 0),
                3,
                Optional.of(Path.of("/opt/anvil")),
                List.of("--block-time", "1"),
                Path.of("/tmp/x"),
                Duration.ofSeconds(5),
                Duration.ofMillis(25),
                true));
    assertThat(options.schedule()).isEqualTo(new Schedule.OpenLoop(2500.5));
  }

  @Test
  void anvilBinaryFromTheEnvironment() throws UsageException {
    LoadOptions options =
        LoadOptions.parse(List.of("--target", "anvil"), Map.of("PARASEQ_ANVIL_BIN", "/x/anvil"));
    assertThat(options.anvilBinary()).contains(Path.of("/x/anvil"));
    assertThat(options.rpcUrl()).isEmpty();
  }

  @Test
  void refusesWrongCommandLines() {
    assertRefused(List.of("--rpc-url", "http://a", "--bogus", "1"), "unknown option: --bogus");
    assertRefused(List.of("--rpc-url", "http://a", "--senders"), "--senders needs a value");
    assertRefused(List.of("--rpc-url", "http://a", "--senders", "0"), "--senders must be in");
    assertRefused(
        List.of("--rpc-url", "http://a", "--txs", "many"), "--txs must be a whole number");
    assertRefused(List.of("--rpc-url", "http://a", "--rate", "-3"), "--rate must be a positive");
    assertRefused(List.of("--rpc-url", "ftp://a"), "--rpc-url must be an http(s) URL");
    assertRefused(List.of("--target", "geth"), "--target must be paraseq, anvil or both");
    assertRefused(List.of(), "--target paraseq needs --rpc-url");
    assertRefused(List.of("--target", "both", "--rpc-url", "http://a"), "needs --anvil-bin");
    assertRefused(
        List.of("--rpc-url", "http://a", "--max-fee-gwei", "1", "--tip-gwei", "2"),
        "--tip-gwei 2 is above --max-fee-gwei 1");
    assertRefused(List.of("stray"), "unexpected argument: stray");
    assertRefused(List.of("--rpc-url", "http://a", "--batcher=yes"), "--batcher takes no value");
    assertRefused(
        List.of("--target", "anvil", "--anvil-bin", "/a", "--batcher"), "not with --target anvil");
  }

  @Test
  void helpIsAUsageExceptionWithoutMessage() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--help"), NO_ENV))
        .isInstanceOf(UsageException.class)
        .hasMessage("");
  }

  private static void assertRefused(List<String> args, String message) {
    assertThatThrownBy(() -> LoadOptions.parse(args, NO_ENV))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(message);
  }
}
