package io.paraseq.bench.exec;

/**
 * What one executor measured on one cell's block. Immutable.
 *
 * @param cell the cell
 * @param threads Block-STM workers (the calling thread included), 0 for the sequential executor
 * @param hotSenderFallback whether Block-STM ran as the node configures it, with the hot-sender and
 *     contention fallbacks and the cost rule on (a block dominated by one sender, whose first
 *     executions conflict too often, or with too little estimated work, runs sequentially); false
 *     for raw Block-STM
 * @param medianNanos the median wall time of one {@code execute} call
 * @param speedup the sequential executor's median divided by this one (1 for the sequential row)
 * @param reexecutionsPerTx Block-STM incarnations after the first, per transaction (0 sequential)
 * @param abortsPerTx validation aborts per transaction
 * @param suspensionsPerTx suspensions on an ESTIMATE per transaction
 * @param allocatedBytesPerTx heap bytes allocated by all threads during {@code execute}, per
 *     transaction (mean over the measured iterations)
 * @param stateRootNanos the median time to apply the block's diff to a {@code WorldState} and get
 *     its state root (not part of {@code execute}; the same for every executor, so -1 on the
 *     Block-STM rows)
 */
record ExecutorRow(
    Cell cell,
    int threads,
    boolean hotSenderFallback,
    long medianNanos,
    double speedup,
    double reexecutionsPerTx,
    double abortsPerTx,
    double suspensionsPerTx,
    double allocatedBytesPerTx,
    long stateRootNanos) {

  /** Whether this is the sequential executor's row. */
  boolean sequential() {
    return threads == 0;
  }

  /** Transactions per second of {@code execute} alone. */
  double txPerSecond() {
    return cell.txs() * 1e9 / medianNanos;
  }

  /**
   * "sequential", "block-stm" (fallbacks off) or "node" (Block-STM with the fallbacks and the cost
   * rule on).
   */
  String executor() {
    return sequential() ? "sequential" : hotSenderFallback ? NODE : "block-stm";
  }

  /** The label of the node's production configuration. */
  static final String NODE = "node (block-stm, fallbacks and cost rule on)";
}
