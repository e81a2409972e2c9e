package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.BlockHeader;
import java.util.List;
import java.util.Objects;

/**
 * A stored block with its transactions decoded.
 *
 * @param header the header, decoded from the stored RLP
 * @param size the length in bytes of the block's encoding {@code rlp([header, [tx…], [], []])}
 * @param transactions its transactions in block order, each with its location
 */
public record FullBlock(BlockHeader header, long size, List<ChainTransaction> transactions) {

  /** Requires every component and copies the list. */
  public FullBlock {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
  }
}
