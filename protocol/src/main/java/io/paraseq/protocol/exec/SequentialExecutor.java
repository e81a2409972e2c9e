package io.paraseq.protocol.exec;

import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.tx.VerifiedTransaction;
import java.util.List;
import java.util.Objects;

/**
 * Executes a block's transactions one after another on the calling thread: the reference result
 * every {@link BlockExecutor} must reproduce.
 *
 * <p>Each transaction goes through {@link TransactionProcessor} (the per-transaction rules) against
 * one overlay of the block's writes over {@code state}; {@link BlockExecutionBuilder} adds
 * cumulative gas, receipts and bloom; {@link FinalWrites} turns the touched accounts into the diff,
 * deleting those left empty (EIP-161). Skipped transactions write nothing, so a later transaction
 * of the same sender with the next nonce is skipped too ({@link SkipReason#NONCE_MISMATCH}).
 *
 * <p>Stateless; one instance may serve any number of threads, each call on one.
 */
public final class SequentialExecutor implements BlockExecutor {

  @Override
  public BlockExecution execute(
      BlockContext context, List<VerifiedTransaction> ordered, StateView state) {
    Objects.requireNonNull(state, "state");
    context.requireGasLimitsFit(ordered);
    TransactionProcessor processor = new TransactionProcessor(context);
    BlockOverlay overlay = new BlockOverlay(state, context.feeRecipient());
    BlockExecutionBuilder result = new BlockExecutionBuilder();
    for (VerifiedTransaction tx : ordered) {
      result.add(tx, processor.process(tx, overlay));
    }
    return result.build(FinalWrites.toDiff(overlay.written(), overlay.writtenSlots(), state));
  }
}
