package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * A stored block with the hashes of its transactions.
 *
 * @param header the header, decoded from the stored RLP
 * @param size the length in bytes of the block's encoding {@code rlp([header, [tx…], [], []])}
 * @param transactionHashes its transactions' hashes, in block order
 */
public record BlockSummary(BlockHeader header, long size, List<Hash> transactionHashes) {

  /** Requires every component and copies the list. */
  public BlockSummary {
    Objects.requireNonNull(header, "header");
    transactionHashes = List.copyOf(transactionHashes);
  }
}
