package io.paraseq.bench.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExecOptionsTest {

  @Test
  void defaultsAreTheIssuesGridOnEveryProcessor() {
    ExecOptions options = ExecOptions.parse(List.of());
    assertThat(options.workloads()).containsExactly(ExecWorkload.values());
    assertThat(options.accounts()).containsExactly(2, 10, 100, 1_000, 10_000);
    assertThat(options.txs()).containsExactly(1_000, 10_000);
    assertThat(options.threads()).hasSize(Runtime.getRuntime().availableProcessors()).startsWith(1);
    assertThat(options.warmupFor(1_000)).isEqualTo(10);
    assertThat(options.iterationsFor(1_000)).isEqualTo(15);
    assertThat(options.warmupFor(10_000)).isEqualTo(3);
    assertThat(options.iterationsFor(10_000)).isEqualTo(7);
  }

  @Test
  void parsesListsRangesAndBothOptionForms() {
    ExecOptions options =
        ExecOptions.parse(
            List.of(
                "--workloads",
                "amm,ERC20,transfers",
                "--accounts=2,1_000",
                "--txs",
                "500",
                "--threads",
                "1-3,8",
                "--iterations",
                "4",
                "--large-warmup=0",
                "--seed",
                "-7"));
    assertThat(options.workloads())
        .containsExactly(ExecWorkload.SWAPS, ExecWorkload.TOKENS, ExecWorkload.TRANSFERS);
    assertThat(options.accounts()).containsExactly(2, 1_000);
    assertThat(options.txs()).containsExactly(500);
    assertThat(options.threads()).containsExactly(1, 2, 3, 8);
    assertThat(options.iterations()).isEqualTo(4);
    assertThat(options.largeWarmup()).isZero();
    assertThat(options.seed()).isEqualTo(-7);
  }

  @Test
  void refusesBadValuesNamingTheOption() {
    assertThatThrownBy(() -> ExecOptions.parse(List.of("--accounts", "1")))
        .hasMessageContaining("--accounts must be at least 2");
    assertThatThrownBy(() -> ExecOptions.parse(List.of("--threads", "0")))
        .hasMessageContaining("--threads");
    assertThatThrownBy(() -> ExecOptions.parse(List.of("--iterations", "0")))
        .hasMessageContaining("--iterations");
    assertThatThrownBy(() -> ExecOptions.parse(List.of("--workloads", "nft")))
        .hasMessageContaining("unknown workload nft");
    assertThatThrownBy(() -> ExecOptions.parse(List.of("--txs", "ten")))
        .hasMessageContaining("--txs needs a number");
    assertThatThrownBy(() -> ExecOptions.parse(List.of("--bogus", "1")))
        .hasMessageContaining("unknown option --bogus");
    assertThatThrownBy(() -> ExecOptions.parse(List.of("--seed")))
        .hasMessageContaining("missing value for --seed");
  }
}
