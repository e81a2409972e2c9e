package io.paraseq.bench.load;

/**
 * The blocks a run produced, as the block follower saw them.
 *
 * @param blocks new blocks seen after the run started
 * @param blocksWithWorkload blocks holding at least one transaction of the workload
 * @param maxPerBlock the most workload transactions in one block
 */
record BlockStats(long blocks, long blocksWithWorkload, int maxPerBlock) {

  /** Counts one more block holding {@code ofWorkload} workload transactions. */
  BlockStats plus(int ofWorkload) {
    return new BlockStats(
        blocks + 1,
        blocksWithWorkload + (ofWorkload > 0 ? 1 : 0),
        Math.max(maxPerBlock, ofWorkload));
  }
}
