/**
 * Block execution: the {@link io.paraseq.protocol.exec.BlockExecutor} interface the block producer
 * calls, the per-transaction rules in {@link io.paraseq.protocol.exec.TransactionProcessor} (over a
 * small {@link io.paraseq.protocol.exec.StateAccess}, so the parallel executor can reuse them over
 * its own multi-version state) and the reference {@link
 * io.paraseq.protocol.exec.SequentialExecutor}.
 *
 * <p>Expected outcomes are values: a candidate the block cannot include is a {@link
 * io.paraseq.protocol.exec.SkippedTransaction} with a {@link io.paraseq.protocol.exec.SkipReason};
 * only a broken precondition (gas limits over the block's) throws.
 */
package io.paraseq.protocol.exec;
