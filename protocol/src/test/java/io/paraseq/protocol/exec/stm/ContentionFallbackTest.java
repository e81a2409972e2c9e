package io.paraseq.protocol.exec.stm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentionFallbackTest {

  private final ContentionFallback rule = new ContentionFallback(64, 0.2);

  @Test
  void looksAfterEveryWindow() {
    assertThat(rule.looksAt(63)).isFalse();
    assertThat(rule.looksAt(64)).isTrue();
    assertThat(rule.looksAt(65)).isFalse();
    assertThat(rule.looksAt(192)).isTrue();
  }

  @Test
  void abandonsWhenTheLastWindowAndTheWholeRunReachTheRate() {
    assertThat(rule.abandons(1_000, 64, 12, 12)).isFalse(); // 0.1875 per execution
    assertThat(rule.abandons(1_000, 64, 13, 13)).isTrue(); // 0.203
    assertThat(rule.abandons(1_000, 448, 90, 13)).isTrue();
  }

  @Test
  void oneBurstAfterAQuietStartIsNotEnough() {
    assertThat(rule.abandons(1_000, 448, 40, 40)).isFalse(); // 0.09 per execution so far
  }

  @Test
  void aLateSecondWorkerDoesNotHideContentionForLong() {
    // 256 executions by one worker alone, then every window conflicts at 0.5
    assertThat(rule.abandons(10_000, 320, 32, 32)).isFalse();
    assertThat(rule.abandons(10_000, 448, 96, 32)).isTrue();
  }

  @Test
  void abandonsOnlyInTheBlocksFirstHalf() {
    assertThat(rule.abandons(1_000, 500, 500, 64)).isTrue();
    assertThat(rule.abandons(1_000, 512, 512, 64)).isFalse();
    assertThat(rule.abandons(100, 64, 64, 64)).isFalse();
  }

  @Test
  void offNeverLooks() {
    assertThat(ContentionFallback.OFF.enabled()).isFalse();
    assertThat(ContentionFallback.OFF.looksAt(64)).isFalse();
    assertThat(ContentionFallback.DEFAULT.enabled()).isTrue();
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new ContentionFallback(0, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window");
    assertThatThrownBy(() -> new ContentionFallback(8, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConflictRate");
    assertThatThrownBy(() -> new ContentionFallback(8, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
