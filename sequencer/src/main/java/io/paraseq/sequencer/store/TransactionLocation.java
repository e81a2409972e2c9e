package io.paraseq.sequencer.store;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * Where an included transaction sits: its block and its index in the block.
 *
 * @param blockHash the including block's hash
 * @param blockNumber the including block's number
 * @param index the transaction's position in the block, from 0
 * @param baseFeePerGas the including block's base fee, which fixes an EIP-1559 transaction's
 *     effective gas price
 */
public record TransactionLocation(Hash blockHash, long blockNumber, int index, Wei baseFeePerGas) {

  /** Requires every component and non-negative positions. */
  public TransactionLocation {
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    if (blockNumber < 0 || index < 0) {
      throw new IllegalArgumentException(
          "negative position: block " + blockNumber + ", index " + index);
    }
  }
}
