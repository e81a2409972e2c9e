package io.paraseq.batcher.post;

import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * The L1 transaction that carries a batch and the block it is in.
 *
 * @param txHash the L1 transaction
 * @param block the L1 block number
 * @param blockHash the L1 block hash when the batcher saw it
 */
public record L1Placement(Hash txHash, long block, Hash blockHash) {

  /** Checks the fields. */
  public L1Placement {
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(blockHash, "blockHash");
  }
}
