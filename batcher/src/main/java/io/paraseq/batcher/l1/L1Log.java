package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * An L1 event log, as {@code eth_getLogs} returns it.
 *
 * @param address the emitting contract
 * @param topics the indexed topics, the event signature's hash first
 * @param data the non-indexed fields, ABI-encoded
 * @param blockNumber the L1 block holding it, not negative
 * @param blockHash that block's hash
 * @param transactionHash the L1 transaction that emitted it
 * @param logIndex its position in the block, not negative
 */
public record L1Log(
    Address address,
    List<Hash> topics,
    Bytes data,
    long blockNumber,
    Hash blockHash,
    Hash transactionHash,
    long logIndex) {

  /** Checks the fields and copies the topics. */
  public L1Log {
    Objects.requireNonNull(address, "address");
    topics = List.copyOf(topics);
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(transactionHash, "transactionHash");
    if (blockNumber < 0 || logIndex < 0) {
      throw new IllegalArgumentException(
          "negative block number or log index: " + blockNumber + ", " + logIndex);
    }
  }
}
