package io.paraseq.protocol.exec.stm;

/**
 * Receives the {@link BlockStmStats} of every block the {@link BlockStmExecutor} executes, on the
 * thread that called {@link BlockStmExecutor#execute}, after the block succeeded. Must be quick and
 * must not throw.
 */
@FunctionalInterface
public interface BlockStmListener {

  /** A listener that ignores everything. */
  BlockStmListener NONE = stats -> {};

  /** Called once per executed block. */
  void blockExecuted(BlockStmStats stats);
}
