package io.paraseq.sequencer.chain;

import io.paraseq.batcher.post.BatchProgress;
import java.util.Objects;

/**
 * Which block each name means for readers — the one place for these rules, shared by every API:
 *
 * <ul>
 *   <li><b>latest</b>: the head, the latest sealed and persisted block ({@link ChainHead});
 *   <li><b>pending</b>: the head too. The producer builds a block only when it seals it, so there
 *       is no pending block to show; the next block's contents are the pool's business;
 *   <li><b>safe</b>: the last block of the last batch confirmed on L1 (at the batcher's
 *       confirmation depth, with every batch before it);
 *   <li><b>finalized</b>: the last block of the last batch whose challenge period is over (the
 *       {@code Rollup} contract's {@code isFinal}). Both are block 0 — the genesis, committed on L1
 *       when the contract is deployed with its state root — until the batcher posts, and stay there
 *       when it is disabled; both come from the batcher's {@link BatchProgress} and never exceed
 *       the head;
 *   <li><b>earliest</b>: block 0, the genesis (nothing is pruned).
 * </ul>
 *
 * <p>Thread-safe; reads the published head.
 */
public final class BlockNumbers {

  private static final long GENESIS = 0;

  private final ChainHead head;
  private final BatchProgress progress;

  /** Names resolved against {@code head}, with nothing posted to L1. */
  public BlockNumbers(ChainHead head) {
    this(head, new BatchProgress());
  }

  /** Names resolved against {@code head} and the batcher's {@code progress}. */
  public BlockNumbers(ChainHead head, BatchProgress progress) {
    this.head = Objects.requireNonNull(head, "head");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** The head's number. */
  public long latest() {
    return head.current().number();
  }

  /** The head's number: no pending block is exposed. */
  public long pending() {
    return latest();
  }

  /** The latest block whose batch is confirmed on L1 (the genesis before the first batch). */
  public long safe() {
    return Math.min(progress.confirmedThrough(), latest());
  }

  /** The latest block whose batch is final on L1 (the genesis before the first final batch). */
  public long finalized() {
    return Math.min(progress.finalizedThrough(), safe());
  }

  /** The first block. */
  public long earliest() {
    return GENESIS;
  }

  /** Whether block {@code number} exists: from 0 up to the head. */
  public boolean exists(long number) {
    return number >= GENESIS && number <= latest();
  }
}
