package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SubmitStatsTest {

  @Test
  void sumsCountsAndMergesReasons() {
    SubmitStats a =
        new SubmitStats(
            2,
            200,
            190,
            180,
            new TreeMap<>(Map.of("nonce too low", 10L)),
            new TreeMap<>(Map.of("txpool is full", 10L)));
    SubmitStats b =
        new SubmitStats(
            3,
            300,
            290,
            285,
            new TreeMap<>(Map.of("nonce too low", 1L, "already known", 4L)),
            new TreeMap<>());
    SubmitStats sum = SubmitStats.empty().plus(a).plus(b);
    assertThat(sum.requests()).isEqualTo(5);
    assertThat(sum.calls()).isEqualTo(500);
    assertThat(sum.submitted()).isEqualTo(480);
    assertThat(sum.accepted()).isEqualTo(465);
    assertThat(sum.rejected())
        .containsExactly(Map.entry("already known", 4L), Map.entry("nonce too low", 11L));
    assertThat(sum.rejectedTotal()).isEqualTo(15);
    assertThat(sum.retriedTotal()).isEqualTo(10);
  }
}
