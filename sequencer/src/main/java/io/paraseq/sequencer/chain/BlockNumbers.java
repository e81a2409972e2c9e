package io.paraseq.sequencer.chain;

import java.util.Objects;

/**
 * Which block each name means for readers — the one place for these rules, shared by every API:
 *
 * <ul>
 *   <li><b>latest</b>: the head, the latest sealed and persisted block ({@link ChainHead});
 *   <li><b>pending</b>: the head too. The producer builds a block only when it seals it, so there
 *       is no pending block to show; the next block's contents are the pool's business;
 *   <li><b>safe</b> and <b>finalized</b>: block 0 until the batcher posts batches to L1. Only the
 *       genesis is committed on L1 (the {@code Rollup} contract is deployed with its state root),
 *       so no later block is safe or final yet;
 *   <li><b>earliest</b>: block 0, the genesis (nothing is pruned).
 * </ul>
 *
 * <p>Thread-safe; reads the published head.
 */
public final class BlockNumbers {

  private static final long GENESIS = 0;

  private final ChainHead head;

  /** Names resolved against {@code head}. */
  public BlockNumbers(ChainHead head) {
    this.head = Objects.requireNonNull(head, "head");
  }

  /** The head's number. */
  public long latest() {
    return head.current().number();
  }

  /** The head's number: no pending block is exposed. */
  public long pending() {
    return latest();
  }

  /** The latest block whose batch is on L1: the genesis until the batcher exists. */
  public long safe() {
    return GENESIS;
  }

  /** The latest block whose batch is final on L1: the genesis until the batcher exists. */
  public long finalized() {
    return GENESIS;
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
