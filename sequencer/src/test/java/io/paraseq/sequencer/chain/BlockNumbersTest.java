package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each block name means while there is no batcher. */
class BlockNumbersTest {

  private final ChainHead head = TestHeads.genesis();
  private final BlockNumbers numbers = new BlockNumbers(head);

  @Test
  void atGenesisEveryNameIsBlockZero() {
    assertThat(numbers.latest()).isZero();
    assertThat(numbers.pending()).isZero();
    assertThat(numbers.safe()).isZero();
    assertThat(numbers.finalized()).isZero();
    assertThat(numbers.earliest()).isZero();
    assertThat(numbers.exists(0)).isTrue();
    assertThat(numbers.exists(1)).isFalse();
  }

  @Test
  void latestAndPendingFollowTheHeadWhileSafeAndFinalizedStayAtGenesis() {
    TestHeads.moveTo(head, 42);
    assertThat(numbers.latest()).isEqualTo(42);
    assertThat(numbers.pending()).isEqualTo(42);
    assertThat(numbers.safe()).isZero();
    assertThat(numbers.finalized()).isZero();
    assertThat(numbers.earliest()).isZero();
    assertThat(numbers.exists(42)).isTrue();
    assertThat(numbers.exists(43)).isFalse();
    assertThat(numbers.exists(-1)).isFalse();
  }
}
