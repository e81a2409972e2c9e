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
  void aWindowIsHotAtTheRateOrAbove() {
    assertThat(rule.hot(12)).isFalse(); // 0.1875 per execution
    assertThat(rule.hot(13)).isTrue(); // 0.203
  }

  @Test
  void twoHotWindowsInARowAbandonOneDoesNot() {
    assertThat(rule.abandons(1_000, 448, 1)).isFalse(); // one burst
    assertThat(rule.abandons(1_000, 448, 2)).isTrue();
    assertThat(rule.abandons(10_000, 2_048, 3)).isTrue(); // a late second worker: no dilution
  }

  @Test
  void abandonsOnlyInTheBlocksFirstHalf() {
    assertThat(rule.abandons(1_000, 500, 2)).isTrue();
    assertThat(rule.abandons(1_000, 512, 2)).isFalse();
    assertThat(rule.abandons(100, 64, 2)).isFalse();
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
