package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfOneToHundred() {
    long[] values = LongStream.rangeClosed(1, 100).toArray();
    assertThat(Percentiles.nearestRank(values, 0.50)).isEqualTo(50);
    assertThat(Percentiles.nearestRank(values, 0.99)).isEqualTo(99);
    assertThat(Percentiles.nearestRank(values, 1.0)).isEqualTo(100);
    assertThat(Percentiles.nearestRank(values, 0.001)).isEqualTo(1);
  }

  @Test
  void binaryRoundingDoesNotAddARank() {
    // 0.99 × 1000 is 990.0000000000001 in binary floating point; the rank is still 990.
    long[] values = LongStream.rangeClosed(1, 1000).toArray();
    assertThat(Percentiles.nearestRank(values, 0.99)).isEqualTo(990);
    assertThat(Percentiles.nearestRank(values, 0.50)).isEqualTo(500);
  }

  @Test
  void smallSetsReportObservedValues() {
    assertThat(Percentiles.nearestRank(new long[] {7}, 0.99)).isEqualTo(7);
    long[] three = {10, 20, 30};
    assertThat(Percentiles.nearestRank(three, 0.50)).isEqualTo(20);
    assertThat(Percentiles.nearestRank(three, 0.99)).isEqualTo(30);
  }

  @Test
  void summarySortsACopy() {
    long[] values = {50, 10, 40, 20, 30};
    Percentiles.Summary summary = Percentiles.summarise(values);
    assertThat(summary).isEqualTo(new Percentiles.Summary(5, 30, 50, 50));
    assertThat(values).containsExactly(50, 10, 40, 20, 30);
  }

  @Test
  void noValuesGiveTheEmptySummary() {
    assertThat(Percentiles.summarise(new long[0])).isEqualTo(Percentiles.Summary.EMPTY);
  }

  @Test
  void rejectsQuantilesOutsideTheRange() {
    long[] values = {1, 2};
    assertThatThrownBy(() -> Percentiles.nearestRank(values, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(values, 1.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
