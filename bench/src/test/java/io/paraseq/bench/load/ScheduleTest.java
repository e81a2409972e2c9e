package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void closedLoopHasEverythingDueAndMeasuresFromTheSend() {
    Schedule closed = new Schedule.ClosedLoop();
    assertThat(closed.dueBelow(0)).isEqualTo(Integer.MAX_VALUE);
    assertThat(closed.dueAt(123)).isZero();
    assertThat(closed.latencyOrigin(5, 1_000, 7_000)).isEqualTo(7_000);
  }

  @Test
  void openLoopSpacesTransactionsByTheRate() {
    Schedule open = new Schedule.OpenLoop(1000);
    assertThat(open.dueAt(0)).isZero();
    assertThat(open.dueAt(1)).isEqualTo(1_000_000);
    assertThat(open.dueAt(2500)).isEqualTo(2_500_000_000L);
    assertThat(open.dueBelow(-1)).isZero();
    assertThat(open.dueBelow(0)).isEqualTo(1);
    assertThat(open.dueBelow(999_999)).isEqualTo(1);
    assertThat(open.dueBelow(1_000_000)).isEqualTo(2);
    assertThat(open.dueBelow(1_000_000_000)).isEqualTo(1001);
  }

  @Test
  void openLoopDueTimesAndDueCountsAgree() {
    Schedule open = new Schedule.OpenLoop(7_300);
    for (int i = 0; i < 20_000; i += 7) {
      long at = open.dueAt(i);
      assertThat(open.dueBelow(at)).as("index %d due at %d", i, at).isGreaterThan(i);
      if (at > 0) {
        assertThat(open.dueBelow(at - 1)).as("index %d before %d", i, at).isLessThanOrEqualTo(i);
      }
    }
  }

  @Test
  void openLoopMeasuresFromTheDueTime() {
    Schedule open = new Schedule.OpenLoop(100);
    // Sent late (at 900 ms instead of 500 ms): the wait counts.
    assertThat(open.latencyOrigin(50, 1_000, 900_000_000)).isEqualTo(500_001_000L);
  }

  @Test
  void openLoopNeedsAPositiveRate() {
    assertThatThrownBy(() -> new Schedule.OpenLoop(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule.OpenLoop(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule.OpenLoop(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
