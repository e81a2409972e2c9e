package io.paraseq.batcher.post;

/**
 * How far the L2 chain is settled on L1, published by the batcher's thread and read by any thread
 * (the node's block names {@code safe} and {@code finalized}): the last L2 block of the highest
 * batch that is confirmed on L1 with every batch before it, and of the highest batch that is final.
 * Both only grow; both are 0 (the genesis, committed at deployment) before the first batch.
 */
public final class BatchProgress {

  private volatile long confirmedThrough;
  private volatile long finalizedThrough;

  /** Progress at the genesis: nothing posted. */
  public BatchProgress() {}

  /** The last L2 block whose batch is confirmed on L1 (0: none). */
  public long confirmedThrough() {
    return confirmedThrough;
  }

  /** The last L2 block whose batch is final on L1 (0: none); at most {@link #confirmedThrough}. */
  public long finalizedThrough() {
    return finalizedThrough;
  }

  /**
   * Publishes new values (the batcher's thread); a value below the published one is ignored, and
   * the final block never passes the confirmed one.
   */
  public synchronized void update(long confirmed, long finalized) {
    if (confirmed > confirmedThrough) {
      confirmedThrough = confirmed;
    }
    if (finalized > finalizedThrough) {
      finalizedThrough = Math.min(finalized, confirmedThrough);
    }
  }
}
