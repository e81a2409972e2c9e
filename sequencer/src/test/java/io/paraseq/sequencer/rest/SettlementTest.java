package io.paraseq.sequencer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The one decision of a transaction's status. */
class SettlementTest {

  @Test
  void todayOnlyTheGenesisIsSettledSoATransactionIsPendingOrIncluded() {
    Settlement genesisOnly = new Settlement(0, 0);
    assertThat(genesisOnly.statusOf(OptionalLong.empty())).isEqualTo(TransactionStatus.PENDING);
    assertThat(genesisOnly.statusOf(OptionalLong.of(1))).isEqualTo(TransactionStatus.INCLUDED);
  }

  @Test
  void batchedAndFinalFollowTheSettledBlocks() {
    Settlement settlement = new Settlement(20, 10);
    assertThat(settlement.statusOf(OptionalLong.of(10))).isEqualTo(TransactionStatus.FINAL);
    assertThat(settlement.statusOf(OptionalLong.of(11))).isEqualTo(TransactionStatus.BATCHED);
    assertThat(settlement.statusOf(OptionalLong.of(20))).isEqualTo(TransactionStatus.BATCHED);
    assertThat(settlement.statusOf(OptionalLong.of(21))).isEqualTo(TransactionStatus.INCLUDED);
    assertThat(settlement.statusOf(OptionalLong.empty())).isEqualTo(TransactionStatus.PENDING);
  }

  @Test
  void finalCannotRunAheadOfBatched() {
    assertThatThrownBy(() -> new Settlement(5, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settlement(5, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wireNamesAreLowerCase() {
    assertThat(TransactionStatus.FINAL.wireName()).isEqualTo("final");
    assertThat(TransactionStatus.PENDING.wireName()).isEqualTo("pending");
  }
}
