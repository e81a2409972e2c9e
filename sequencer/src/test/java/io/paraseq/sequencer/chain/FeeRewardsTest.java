package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.sequencer.store.TransactionTip;
import java.util.List;
import org.junit.jupiter.api.Test;

/** geth's gas-weighted reward percentiles, worked by hand. */
class FeeRewardsTest {

  @Test
  void aBlockWithoutTransactionsGivesZeros() {
    assertThat(FeeRewards.of(0, List.of(), List.of(10.0, 50.0)))
        .containsExactly(Wei.ZERO, Wei.ZERO);
  }

  @Test
  void percentilesAreWeightedByGasUsedNotByCount() {
    // Sorted by tip: 1 (21k gas), 5 (21k), 9 (258k). Block gas 300k.
    // 10% → 30k: 21k < 30k, so the second (42k ≥ 30k) → 5.
    // 50% → 150k: 42k < 150k → third → 9. 0% → threshold 0 → the cheapest.
    List<TransactionTip> txs = List.of(tip(9, 258_000), tip(1, 21_000), tip(5, 21_000));
    assertThat(FeeRewards.of(300_000, txs, List.of(0.0, 5.0, 10.0, 50.0, 100.0)))
        .containsExactly(Wei.of(1), Wei.of(1), Wei.of(5), Wei.of(9), Wei.of(9));
  }

  @Test
  void thresholdsAreTruncatedToWholeGasLikeGeth() {
    // Four equal transfers of 21k gas in an 84k block: 25% → 21k, reached by the first.
    // 25.0001% → floor(21000.084) = 21000 → still the first. 26% → 21840 → the second.
    List<TransactionTip> txs =
        List.of(tip(3, 21_000), tip(3, 21_000), tip(2, 21_000), tip(7, 21_000));
    assertThat(FeeRewards.of(84_000, txs, List.of(25.0, 25.0001, 26.0, 75.0, 76.0)))
        .containsExactly(Wei.of(2), Wei.of(2), Wei.of(3), Wei.of(3), Wei.of(7));
  }

  @Test
  void thePercentileNeverRunsPastTheLastTransaction() {
    // Gas used of the transactions below the block's (as when a deposit counts but used none).
    List<TransactionTip> txs = List.of(tip(4, 1_000));
    assertThat(FeeRewards.of(50_000, txs, List.of(99.0, 100.0)))
        .containsExactly(Wei.of(4), Wei.of(4));
  }

  private static TransactionTip tip(long tip, long gasUsed) {
    return new TransactionTip(1, gasUsed, Wei.of(tip));
  }
}
