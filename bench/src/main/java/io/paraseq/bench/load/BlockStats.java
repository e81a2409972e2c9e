package io.paraseq.bench.load;

/**
 * The blocks a run produced, as the block follower saw them.
 *
 * @param blocks new blocks seen after the run started
 * @param blocksWithWorkload blocks holding at least one transaction of the workload
 * @param maxPerBlock the most workload transactions in one block
 * @param lastWorkloadBlock the number of the last block holding a workload transaction (0 if none)
 */
record BlockStats(long blocks, long blocksWithWorkload, int maxPerBlock, long lastWorkloadBlock) {

  /** No block seen yet. */
  static final BlockStats NONE = new BlockStats(0, 0, 0, 0);

  /**
   * Counts one more block, number {@code number}, holding {@code ofWorkload} workload transactions.
   */
  BlockStats plus(long number, int ofWorkload) {
    return new BlockStats(
        blocks + 1,
        blocksWithWorkload + (ofWorkload > 0 ? 1 : 0),
        Math.max(maxPerBlock, ofWorkload),
        ofWorkload > 0 ? Math.max(lastWorkloadBlock, number) : lastWorkloadBlock);
  }
}
