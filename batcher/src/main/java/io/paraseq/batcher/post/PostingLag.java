package io.paraseq.batcher.post;

import io.paraseq.batcher.build.SealedBlocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The posting lag, worked out when it is read (by the gauges {@code paraseq.batcher.lag.blocks} and
 * {@code .lag.seconds}), not when the batcher last finished a tick: a tick that builds several
 * batches under load can take seconds, and a gauge set at its end would show the lag of before the
 * load. What the batcher knows of L1 (the last block in an L1-included batch) still changes only in
 * its tick ({@link #includedThrough(long)}); the L2 head is read live.
 *
 * <p>Threads: the batcher's tick writes {@link #includedThrough(long)}; any thread (the metrics
 * scrape) reads. The last block looked up is cached, so a scrape reads the database only when the
 * oldest unposted block changes.
 */
final class PostingLag {

  private final SealedBlocks blocks;
  private final Clock clock;
  private volatile long includedThrough;
  private volatile Optional<SealedBlocks.BlockInfo> oldestUnposted = Optional.empty();

  PostingLag(SealedBlocks blocks, Clock clock) {
    this.blocks = Objects.requireNonNull(blocks, "blocks");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records that every block up to {@code block} is in an L1-included batch. */
  void includedThrough(long block) {
    includedThrough = block;
  }

  /** L2 blocks after the last block in an L1-included batch. */
  long blocks() {
    return Math.max(0, blocks.head() - includedThrough);
  }

  /**
   * The age in whole seconds of the oldest L2 block not yet in an L1-included batch, by its
   * timestamp (seconds); 0 when every block is in one.
   */
  long seconds() {
    long included = includedThrough;
    if (blocks.head() <= included) {
      return 0;
    }
    long oldest = included + 1;
    Optional<SealedBlocks.BlockInfo> info = oldestUnposted;
    if (info.isEmpty() || info.get().number() != oldest) {
      info = blocks.info(oldest);
      oldestUnposted = info;
    }
    return info.map(
            b ->
                Math.max(
                    0,
                    Duration.between(Instant.ofEpochSecond(b.timestamp()), clock.instant())
                        .toSeconds()))
        .orElse(0L);
  }
}
