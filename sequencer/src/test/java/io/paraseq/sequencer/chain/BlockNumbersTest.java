package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.post.BatchProgress;
import org.junit.jupiter.api.Test;

/** What each block name means, without a batcher and with one. */
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

  @Test
  void safeAndFinalizedFollowTheBatchersProgressButNeverPassTheHead() {
    BatchProgress progress = new BatchProgress();
    BlockNumbers withBatcher = new BlockNumbers(head, progress);
    TestHeads.moveTo(head, 40);
    progress.update(30, 12);
    assertThat(withBatcher.safe()).isEqualTo(30);
    assertThat(withBatcher.finalized()).isEqualTo(12);
    progress.update(20, 30);
    assertThat(withBatcher.safe()).as("never goes back").isEqualTo(30);
    assertThat(withBatcher.finalized()).isEqualTo(30);
    progress.update(55, 50);
    assertThat(withBatcher.safe()).as("at most the head").isEqualTo(40);
    assertThat(withBatcher.finalized()).isEqualTo(40);
  }
}
