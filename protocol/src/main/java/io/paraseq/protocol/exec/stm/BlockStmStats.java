package io.paraseq.protocol.exec.stm;

import java.util.Objects;

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
 * @param route how the block was run: in parallel, or sequentially for which reason (then every
 *     count above is 0)
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
    Route route,
    boolean abandoned) {

  /** How the executor ran a block. */
  public enum Route {
    /** Block-STM (possibly abandoned part-way, see {@code abandoned}). */
    PARALLEL,
    /** Sequentially: fewer transactions than the parallel threshold. */
    FEW_TRANSACTIONS,
    /** Sequentially: too little estimated work for the bookkeeping ({@link WorkThreshold}). */
    LITTLE_WORK,
    /** Sequentially: one sender has at least 1/threads of the transactions ({@link HotSender}). */
    HOT_SENDER
  }

  /** Requires the route. */
  public BlockStmStats {
    Objects.requireNonNull(route, "route");
  }

  /** The statistics of a block of {@code transactions} run sequentially by {@code route}. */
  public static BlockStmStats sequential(int transactions, Route route) {
    if (route == Route.PARALLEL) {
      throw new IllegalArgumentException("a sequential route, not " + route);
    }
    return new BlockStmStats(transactions, 1, 0, 0, 0, 0, route, false);
  }

  /** Whether the block ran sequentially before any parallel execution (not when abandoned). */
  public boolean sequential() {
    return route != Route.PARALLEL;
  }
}
