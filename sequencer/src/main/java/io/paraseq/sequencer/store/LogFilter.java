package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * Which logs to find: a block range, emitters and topics, with the semantics of {@code
 * eth_getLogs}.
 *
 * @param fromBlock first block, inclusive
 * @param toBlock last block, inclusive, at least {@code fromBlock}
 * @param addresses the emitters to match; empty matches any
 * @param topics one entry per topic position (at most four): a log matches when, at every position,
 *     its topic is one of the entry's hashes; an empty entry matches anything at that position,
 *     even no topic. A non-empty entry requires the log to have a topic there
 */
public record LogFilter(
    long fromBlock, long toBlock, List<Address> addresses, List<List<Hash>> topics) {

  /**
   * Checks the range and the number of positions; copies the lists.
   *
   * @throws IllegalArgumentException if the range is empty or negative, or there are more than four
   *     topic positions
   */
  public LogFilter {
    if (fromBlock < 0 || toBlock < fromBlock) {
      throw new IllegalArgumentException("bad block range " + fromBlock + " … " + toBlock);
    }
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(topics, "topics");
    if (topics.size() > Log.MAX_TOPICS) {
      throw new IllegalArgumentException("at most 4 topic positions, got " + topics.size());
    }
    topics = topics.stream().map(List::copyOf).toList();
  }
}
