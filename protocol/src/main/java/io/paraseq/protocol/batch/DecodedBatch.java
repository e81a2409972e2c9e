package io.paraseq.protocol.batch;

import io.paraseq.protocol.types.Address;
import java.util.List;
import java.util.Objects;

/**
 * The content of posted batch data.
 *
 * <p>A v1 batch names each transaction's sender (it must, to imply nonces without recovering
 * signatures); those claims are {@link #claimedSenders()}, one per transaction in batch order, and
 * a verifier must check them against the recovered senders ({@link BatchSenders#verify}). A v0
 * batch claims none and the list is empty.
 *
 * @param version the format
 * @param codec the compression
 * @param blocks the blocks, in order
 * @param claimedSenders v1: the sender of every transaction, in batch order; v0: empty
 */
public record DecodedBatch(
    BatchVersion version, Codec codec, List<BatchBlock> blocks, List<Address> claimedSenders) {

  /** Requires every component and copies the lists. */
  public DecodedBatch {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(codec, "codec");
    blocks = List.copyOf(blocks);
    claimedSenders = List.copyOf(claimedSenders);
  }

  /** Number of transactions in all blocks. */
  public int transactionCount() {
    return blocks.stream().mapToInt(block -> block.transactions().size()).sum();
  }
}
