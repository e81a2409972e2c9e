package io.paraseq.protocol.exec.stm;

/**
 * The abort-rate rule of {@link BlockStmExecutor}: a block whose executions conflict too often is
 * abandoned and run again sequentially from the start. Contention inside a program (many senders
 * trading on one AMM pool) is invisible before execution; it shows in the incarnations as
 * re-executions and suspensions. Where most transactions depend on the one before, Block-STM cannot
 * beat the sequential executor and its wasted incarnations make it slower (two threads: 0.4–0.7× on
 * one pool traded by 2–10 accounts).
 *
 * <p>The executor looks after every {@code window} recorded executions at the conflicts since its
 * previous look: re-executions (incarnations after the first) plus suspensions (incarnations
 * stopped at an ESTIMATE). A window with {@code maxConflictRate} per execution or more is
 * <i>hot</i>; after {@value #HOT_WINDOWS} hot windows in a row the block is abandoned — but only in
 * its first half (executions up to half the block's transactions): later, finishing in parallel
 * costs less than starting again. One hot window alone is not enough: a worker descheduled on a
 * busy machine lets the other run ahead, and one wave of re-validations then aborts several
 * transactions at once. Windows, not the whole run so far, are measured because the second worker
 * may start late: the first executions, by one worker alone, never conflict and would dilute the
 * rate. One thread never conflicts, so this rule only acts with two or more. The result is the
 * sequential executor's either way.
 *
 * @param window recorded executions between two looks, at least 1
 * @param maxConflictRate conflicts per execution at or above which the block is abandoned, above 0
 */
public record ContentionFallback(int window, double maxConflictRate) {

  /** Hot windows in a row that abandon a block. */
  public static final int HOT_WINDOWS = 2;

  /**
   * The node's default: a look every 64 executions, a window hot at 0.2 conflicts per execution.
   */
  public static final ContentionFallback DEFAULT = new ContentionFallback(64, 0.2);

  /** Never abandons a block. */
  public static final ContentionFallback OFF =
      new ContentionFallback(Integer.MAX_VALUE, Double.POSITIVE_INFINITY);

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException if {@code window} is below 1 or {@code maxConflictRate} is not
   *     above 0
   */
  public ContentionFallback {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1, got " + window);
    }
    if (!(maxConflictRate > 0)) {
      throw new IllegalArgumentException("maxConflictRate must be above 0, got " + maxConflictRate);
    }
  }

  /** Whether the rule can ever abandon a block. */
  public boolean enabled() {
    return window != Integer.MAX_VALUE && maxConflictRate != Double.POSITIVE_INFINITY;
  }

  /** Whether the executor looks when {@code executions} incarnations have been recorded. */
  boolean looksAt(int executions) {
    return enabled() && executions % window == 0;
  }

  /** Whether a window with {@code conflicts} conflicts in its {@code window} executions is hot. */
  boolean hot(long conflicts) {
    return conflicts >= maxConflictRate * window;
  }

  /**
   * Whether a block of {@code transactions} is abandoned at a look after {@code executions}
   * recorded incarnations, the last {@code hotWindows} windows (this one included) hot in a row.
   */
  boolean abandons(int transactions, int executions, int hotWindows) {
    return hotWindows >= HOT_WINDOWS && executions <= transactions / 2;
  }
}
