package io.paraseq.protocol.block;

import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * An event emitted by a transaction, as carried in its receipt: {@code rlp([address, [topic…],
 * data])}.
 *
 * @param address the emitting contract (or native program)
 * @param topics at most four 32-byte topics, the first usually the event signature
 * @param data the non-indexed data
 */
public record Log(Address address, List<Hash> topics, Bytes data) {

  /** The most topics a log can have (LOG0 … LOG4). */
  public static final int MAX_TOPICS = 4;

  /**
   * Copies the topics and checks their number.
   *
   * @throws IllegalArgumentException if there are more than four topics
   */
  public Log {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(data, "data");
    topics = List.copyOf(topics);
    if (topics.size() > MAX_TOPICS) {
      throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
    }
  }

  /** A log with the given topics. */
  public static Log of(Address address, Bytes data, Hash... topics) {
    return new Log(address, List.of(topics), data);
  }

  void writeTo(RlpWriter writer) {
    writer.startList().writeBytes(address.bytes()).startList();
    for (Hash topic : topics) {
      writer.writeBytes(topic.bytes());
    }
    writer.endList().writeBytes(data).endList();
  }
}
