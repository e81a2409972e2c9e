package io.paraseq.batcher.post;

import io.paraseq.batcher.l1.L1TransactionManager;
import io.paraseq.batcher.l1.RollupCalls;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;

/**
 * Hands a stored batch to the L1 transaction manager: intent {@code batch-<seq>}, the {@code
 * appendBatch} calldata of its stored header and data, a gas limit computed from the calldata.
 * Idempotent (the manager's submit is): the same batch always gives the same intent.
 */
final class BatchSubmitter {

  private final L1TransactionManager manager;
  private final Address rollup;

  BatchSubmitter(L1TransactionManager manager, Address rollup) {
    this.manager = manager;
    this.rollup = rollup;
  }

  void submit(StoredBatch batch) {
    Bytes calldata = RollupCalls.appendBatch(batch.header(), batch.data());
    manager.submit(batch.intentId(), rollup, calldata, AppendBatchGas.limit(calldata));
  }
}
