package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * A log with where it was emitted.
 *
 * @param log the address, topics and data
 * @param blockHash the block's hash
 * @param blockNumber the block's number
 * @param blockTimestamp the block's timestamp (seconds)
 * @param transactionHash the emitting transaction
 * @param transactionIndex the emitting transaction's index in the block
 * @param logIndex the log's index in the block (counted over all its transactions)
 */
public record ChainLog(
    Log log,
    Hash blockHash,
    long blockNumber,
    long blockTimestamp,
    Hash transactionHash,
    int transactionIndex,
    int logIndex) {

  /** Requires every component. */
  public ChainLog {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(transactionHash, "transactionHash");
  }
}
