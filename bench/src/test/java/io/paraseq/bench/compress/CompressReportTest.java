package io.paraseq.bench.compress;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressReportTest {

  private static final GeneratedBatch BATCH =
      new GeneratedBatch(Workload.TRANSFERS, List.of(), List.of(), 10, 1_190, 4, 7);

  @Test
  void oneLinePerMeasurementWithEveryColumn() {
    Measurement v1 =
        new Measurement(
            Workload.TRANSFERS,
            Format.cold(BatchVersion.V1),
            new CodecLevel(Codec.ZSTD, 19),
            10,
            1_190,
            900,
            795,
            2_000_000,
            1_000_000,
            true);
    Measurement failed =
        new Measurement(
            Workload.TRANSFERS,
            Format.cold(BatchVersion.V0),
            new CodecLevel(Codec.NONE, 0),
            10,
            1_190,
            1_200,
            1_202,
            0,
            3_000_000,
            false);

    String report =
        CompressReport.render(
            List.of(v1, failed),
            List.of(new LayoutTiming(BATCH, Format.cold(BatchVersion.V1), 5_000_000, 2_500_000)));
    List<String> lines = report.lines().toList();

    assertThat(lines.getFirst()).isEqualTo(CompressReport.ROW_HEADER);
    // L1: (4 + 7 * 32 + 32 + 800) / 10 = 106.0; 900 B in 2 ms = 0.45 MB/s.
    assertThat(lines.get(2))
        .isEqualTo(
            "| transfers | v1 | zstd-19 | 900 | 795 | 1.50 | 79.5 | 106.0 | 0.5 | 0.9 | ok |");
    assertThat(lines.get(3))
        .startsWith("| transfers | v0 | none |")
        .endsWith("| — | 0.4 | FAILED |");
    assertThat(lines).contains(CompressReport.LAYOUT_HEADER);
    assertThat(lines.getLast()).isEqualTo("| transfers | v1 | 119.0 | 4 | 7 | 5.0 | 2.5 |");
    for (String line : lines) {
      if (line.startsWith("| transfers")) {
        long columns = line.chars().filter(c -> c == '|').count();
        assertThat(columns).isIn(12L, 8L);
      }
    }
  }

  @Test
  void l1CalldataCountsSelectorHeadLengthWordAndPaddedData() {
    Measurement row =
        new Measurement(
            Workload.MIX,
            Format.cold(BatchVersion.V1),
            new CodecLevel(Codec.NONE, 0),
            2,
            1,
            1,
            33,
            1,
            1,
            true);
    // 4 + 7 * 32 + 32 + 64 = 324 bytes for 2 transactions.
    assertThat(CompressReport.l1CalldataPerTx(row)).isEqualTo(162.0);
  }
}
