package io.paraseq.batcher.l1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.tx.Wei;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class L1TxConfigTest {

  @Test
  void defaultsMatchTheReadme() {
    L1TxConfig d = L1TxConfig.DEFAULTS;
    assertThat(d.confirmationDepth()).isEqualTo(3);
    assertThat(d.resubmitTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(d.baseFeeMultiplierPercent()).isEqualTo(200);
    assertThat(d.priorityFee()).isEqualTo(Wei.of(1_000_000_000L));
    assertThat(d.maxFeeCap()).isEqualTo(Wei.of(500_000_000_000L));
    assertThat(d.bumpPercent()).isEqualTo(10);
    assertThat(d.maxInFlight()).isEqualTo(8);
    assertThat(d.maxBumpsPerPoll()).isEqualTo(4);
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> L1TxConfig.DEFAULTS.withConfirmationDepth(0))
        .hasMessageContaining("confirmationDepth");
    assertThatThrownBy(() -> L1TxConfig.DEFAULTS.withResubmitTimeout(Duration.ZERO))
        .hasMessageContaining("resubmitTimeout");
    assertThatThrownBy(() -> L1TxConfig.DEFAULTS.withMaxFeeCap(Wei.of(1)))
        .hasMessageContaining("maxFeeCap");
    assertThatThrownBy(
            () ->
                new L1TxConfig(
                    3,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    200,
                    Wei.of(1),
                    Wei.of(10),
                    9,
                    1,
                    1))
        .hasMessageContaining("bumpPercent");
    assertThatThrownBy(
            () ->
                new L1ResilienceConfig(
                    3,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(1),
                    10,
                    5,
                    50,
                    Duration.ofSeconds(1),
                    1))
        .hasMessageContaining("retryMaxBackoff");
  }
}
