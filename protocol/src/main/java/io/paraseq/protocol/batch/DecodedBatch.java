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
 * <p>{@link #registryAppends()} are the addresses the batch adds to the {@link AddressRegistry}
 * once it is accepted: its address table and inline addresses that were not registered, in order
 * (v1, v2); none for v0.
 *
 * @param version the format
 * @param codec the compression
 * @param blocks the blocks, in order
 * @param claimedSenders v1, v2: the sender of every transaction, in batch order; v0: empty
 * @param registryAppends the addresses the batch appends to the registry, in order
 */
public record DecodedBatch(
    BatchVersion version,
    Codec codec,
    List<BatchBlock> blocks,
    List<Address> claimedSenders,
    List<Address> registryAppends) {

  /** Requires every component and copies the lists. */
  public DecodedBatch {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(codec, "codec");
    blocks = List.copyOf(blocks);
    claimedSenders = List.copyOf(claimedSenders);
    registryAppends = List.copyOf(registryAppends);
  }

  /** A batch that appends nothing to the registry. */
  public DecodedBatch(
      BatchVersion version, Codec codec, List<BatchBlock> blocks, List<Address> claimedSenders) {
    this(version, codec, blocks, claimedSenders, List.of());
  }

  /** Number of transactions in all blocks. */
  public int transactionCount() {
    return blocks.stream().mapToInt(block -> block.transactions().size()).sum();
  }
}
