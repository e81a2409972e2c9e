package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code eth_getLogs} filter object as sent, parsed by {@link LogFilterParser}: a block hash
 * (EIP-234) or a range of block arguments, the emitters and the topics.
 *
 * @param blockHash the one block to search; then {@code fromBlock} and {@code toBlock} are empty
 * @param fromBlock the first block; {@code latest} when absent
 * @param toBlock the last block; {@code latest} when absent
 * @param addresses the emitters; empty matches any
 * @param topics per position, the alternatives; an empty position matches anything
 */
record LogCriteria(
    Optional<Hash> blockHash,
    Optional<BlockSelector> fromBlock,
    Optional<BlockSelector> toBlock,
    List<Address> addresses,
    List<List<Hash>> topics) {

  LogCriteria {
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(fromBlock, "fromBlock");
    Objects.requireNonNull(toBlock, "toBlock");
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
    if (blockHash.isPresent() && (fromBlock.isPresent() || toBlock.isPresent())) {
      throw new IllegalArgumentException("a block hash excludes a block range");
    }
  }
}
