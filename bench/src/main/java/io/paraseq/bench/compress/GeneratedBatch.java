package io.paraseq.bench.compress;

import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.types.Address;
import java.util.List;

/**
 * A batch built by {@link BatchGenerator}.
 *
 * @param workload what kind of transactions it holds
 * @param blocks the blocks
 * @param senders the sender of every transaction, in batch order
 * @param txCount number of transactions
 * @param rawBytes total length of the raw signed transactions
 * @param distinctSenders senders with at least one transaction
 * @param distinctRecipients distinct {@code to} addresses
 */
record GeneratedBatch(
    Workload workload,
    List<BatchBlock> blocks,
    List<Address> senders,
    int txCount,
    long rawBytes,
    int distinctSenders,
    int distinctRecipients) {

  GeneratedBatch {
    blocks = List.copyOf(blocks);
    senders = List.copyOf(senders);
  }
}
