package io.paraseq.batcher.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.batcher.l1.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostingLagTest {

  private static final long T0 = 1_700_000_000L;

  private final MemoryBlocks chain = new MemoryBlocks(3);
  private final SteppedClock clock = new SteppedClock(Instant.ofEpochSecond(T0));
  private final PostingLag lag = new PostingLag(chain, clock);

  @Test
  void nothingSealedIsNoLag() {
    assertThat(lag.blocks()).isZero();
    assertThat(lag.seconds()).isZero();
  }

  @Test
  void followsTheHeadLiveBetweenTheBatchersTicks() {
    chain.seal(T0, 1, 0);
    chain.seal(T0 + 1, 1, 0);
    assertThat(lag.blocks()).isEqualTo(2);
    chain.seal(T0 + 2, 1, 0); // sealed after the last tick: still counted
    assertThat(lag.blocks()).isEqualTo(3);
    clock.advance(Duration.ofMillis(4_500));
    assertThat(lag.seconds()).isEqualTo(4); // block 1 (timestamp T0) is 4.5 s old
  }

  @Test
  void countsFromTheOldestBlockNotInAnIncludedBatch() {
    chain.seal(T0, 1, 0);
    chain.seal(T0 + 3, 1, 0);
    chain.seal(T0 + 5, 1, 0);
    clock.advance(Duration.ofSeconds(7));
    lag.includedThrough(1);
    assertThat(lag.blocks()).isEqualTo(2);
    assertThat(lag.seconds()).isEqualTo(4); // block 2, timestamp T0 + 3
    lag.includedThrough(3);
    assertThat(lag.blocks()).isZero();
    assertThat(lag.seconds()).isZero();
  }

  @Test
  void aBlockStampedAheadOfTheClockIsNoNegativeLag() {
    chain.seal(T0 + 10, 1, 0);
    assertThat(lag.blocks()).isEqualTo(1);
    assertThat(lag.seconds()).isZero();
  }
}
