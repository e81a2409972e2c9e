package io.paraseq.sequencer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The one decision of a transaction's status. */
class SettlementTest {

  @Test
  void todayATransactionIsPendingOrIncluded() {
    assertThat(Settlement.NOTHING.statusOf(OptionalLong.empty()))
        .isEqualTo(TransactionStatus.PENDING);
    assertThat(Settlement.NOTHING.statusOf(OptionalLong.of(0)))
        .isEqualTo(TransactionStatus.INCLUDED);
  }

  @Test
  void batchedAndFinalFollowTheSettledBlocks() {
    Settlement settlement = new Settlement(OptionalLong.of(20), OptionalLong.of(10));
    assertThat(settlement.statusOf(OptionalLong.of(10))).isEqualTo(TransactionStatus.FINAL);
    assertThat(settlement.statusOf(OptionalLong.of(11))).isEqualTo(TransactionStatus.BATCHED);
    assertThat(settlement.statusOf(OptionalLong.of(20))).isEqualTo(TransactionStatus.BATCHED);
    assertThat(settlement.statusOf(OptionalLong.of(21))).isEqualTo(TransactionStatus.INCLUDED);
    assertThat(settlement.statusOf(OptionalLong.empty())).isEqualTo(TransactionStatus.PENDING);
  }

  @Test
  void finalCannotRunAheadOfBatched() {
    assertThatThrownBy(() -> new Settlement(OptionalLong.of(5), OptionalLong.of(6)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settlement(OptionalLong.empty(), OptionalLong.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wireNamesAreLowerCase() {
    assertThat(TransactionStatus.FINAL.wireName()).isEqualTo("final");
    assertThat(TransactionStatus.PENDING.wireName()).isEqualTo("pending");
  }
}
