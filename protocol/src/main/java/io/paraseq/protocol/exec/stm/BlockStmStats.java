package io.paraseq.protocol.exec.stm;

/**
 * What one block cost the {@link BlockStmExecutor}, for metrics; not part of the block's result
 * (that is the same whatever executor made it). Immutable.
 *
 * @param transactions the block's candidate transactions
 * @param threads the workers that ran the block (the calling thread included); 1 when it ran
 *     sequentially
 * @param executions incarnations run to the end and recorded; at least {@code transactions} when
 *     the block ran in parallel
 * @param reexecutions of those, incarnations after the first (incarnation number above 0)
 * @param validationAborts executed incarnations whose reads had changed by their validation
 * @param suspensions incarnations stopped at an ESTIMATE to wait for a lower transaction
 * @param sequential whether the block ran sequentially, being below the parallel threshold or
 *     dominated by one sender (then every count above is 0)
 * @param abandoned whether Block-STM stopped after its first executions because they conflicted too
 *     often ({@link ContentionFallback}) and the block then ran sequentially; the counts are those
 *     of the abandoned start
 */
public record BlockStmStats(
    int transactions,
    int threads,
    long executions,
    long reexecutions,
    long validationAborts,
    long suspensions,
    boolean sequential,
    boolean abandoned) {

  /** The statistics of a block of {@code transactions} that ran sequentially. */
  public static BlockStmStats sequential(int transactions) {
    return new BlockStmStats(transactions, 1, 0, 0, 0, 0, true, false);
  }
}
