package io.paraseq.bench.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.batch.Codec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressOptionsTest {

  @Test
  void defaultsAreTheIssuesWorkload() {
    CompressOptions options = CompressOptions.parse(List.of());
    assertThat(options.txs()).isEqualTo(10_000);
    assertThat(options.senders()).isEqualTo(1_000);
    assertThat(options.recipients()).isEqualTo(10_000);
    assertThat(options.workloads()).containsExactly(Workload.values());
    assertThat(options.codecs()).hasSize(12).contains(new CodecLevel(Codec.BROTLI, 11));
  }

  @Test
  void parsesEveryOptionInBothForms() {
    CompressOptions options =
        CompressOptions.parse(
            List.of(
                "--txs",
                "500",
                "--senders=50",
                "--recipients",
                "70",
                "--seed",
                "9",
                "--reps=2",
                "--warmup",
                "0",
                "--workloads",
                "swaps,mix",
                "--codecs",
                "none,zstd-19,brotli"));
    assertThat(options)
        .isEqualTo(
            new CompressOptions(
                500,
                50,
                70,
                9,
                2,
                0,
                List.of(Workload.SWAPS, Workload.MIX),
                List.of(
                    new CodecLevel(Codec.NONE, 0),
                    new CodecLevel(Codec.ZSTD, 19),
                    new CodecLevel(Codec.BROTLI, 6))));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> CompressOptions.parse(List.of("--txs", "0")))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> CompressOptions.parse(List.of("--codecs", "zstd-23")))
        .hasMessageContaining("levels are 1..22");
    assertThatThrownBy(() -> CompressOptions.parse(List.of("--codecs", "lz4")))
        .hasMessageContaining("unknown codec");
    assertThatThrownBy(() -> CompressOptions.parse(List.of("--bogus", "1")))
        .hasMessageContaining("unknown option");
    assertThatThrownBy(() -> CompressOptions.parse(List.of("--txs")))
        .hasMessageContaining("missing value");
  }
}
