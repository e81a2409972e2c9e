package io.paraseq.protocol.exec;

import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.tx.VerifiedTransaction;
import java.util.List;

/**
 * Executes one block: the ordered transactions against a consistent state, giving the receipts, the
 * skipped transactions and the block's {@link io.paraseq.protocol.state.StateDiff}. The block
 * producer calls it on its own thread; implementations may use other threads inside a call.
 *
 * <p>Every implementation gives the same {@link BlockExecution} for the same inputs: {@link
 * SequentialExecutor} defines the result and a parallel (Block-STM) executor must equal it, always.
 * Per-transaction rules live in {@link TransactionProcessor}, which both share.
 */
public interface BlockExecutor {

  /**
   * Executes {@code ordered} in that order on top of {@code state}.
   *
   * @param context the block's number, timestamp, fee recipient, base fee, gas limit and chain
   * @param ordered the candidate transactions in block order; the sum of their gas limits is at
   *     most {@code context.gasLimit()}
   * @param state the state before the block; not modified
   * @return the included transactions with receipts, the skipped ones with reasons, and the diff
   * @throws IllegalArgumentException if the gas limits of {@code ordered} exceed the block's
   */
  BlockExecution execute(BlockContext context, List<VerifiedTransaction> ordered, StateView state);
}
