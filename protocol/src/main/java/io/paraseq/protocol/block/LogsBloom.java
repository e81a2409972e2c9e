package io.paraseq.protocol.block;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Collection;
import java.util.Objects;

/**
 * The 2048-bit logs bloom of the Yellow Paper (§4.4.3, M3:2048): for the address and every topic of
 * every log, keccak256 of the item gives three 11-bit indices, from byte pairs (0,1), (2,3) and
 * (4,5); each selects one bit, counted from the low-order end of the 256-byte big-endian value.
 * Blooms of receipts and blocks are the OR of the blooms of their logs.
 *
 * <p>{@link #mightContain} answers {@code eth_getLogs} pre-filtering: false means certainly absent,
 * true means possibly present.
 *
 * @param bytes the 256 bloom bytes
 */
public record LogsBloom(Bytes bytes) {

  /** Length in bytes. */
  public static final int LENGTH = 256;

  /** The bloom with no bit set. */
  public static final LogsBloom EMPTY = new LogsBloom(Bytes.of(new byte[LENGTH]));

  /**
   * Checks the length.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 256 bytes long
   */
  public LogsBloom {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length() != LENGTH) {
      throw new IllegalArgumentException("logs bloom must be 256 bytes, got " + bytes.length());
    }
  }

  /** The bloom of {@code logs}. */
  public static LogsBloom of(Collection<Log> logs) {
    if (logs.isEmpty()) {
      return EMPTY;
    }
    Builder builder = builder();
    for (Log log : logs) {
      builder.add(log);
    }
    return builder.build();
  }

  /** A builder starting from the empty bloom. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the address may have been added. */
  public boolean mightContain(Address address) {
    return mightContainDigest(address.digest());
  }

  /** Whether the topic may have been added. */
  public boolean mightContain(Hash topic) {
    return mightContainDigest(topic.digest());
  }

  /**
   * Whether this is the bloom of {@code logs}: {@code equals(of(logs))} without building a second
   * bloom (the receipt's check of the bloom it is given).
   */
  public boolean isBloomOf(Collection<Log> logs) {
    if (logs.isEmpty()) {
      return bytes.equals(EMPTY.bytes);
    }
    byte[] bits = new byte[LENGTH];
    for (Log log : logs) {
      setBits(bits, log.address().digest());
      for (Hash topic : log.topics()) {
        setBits(bits, topic.digest());
      }
    }
    for (int i = 0; i < LENGTH; i++) {
      if (bits[i] != bytes.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether every bit of {@code other} is set here, as it is when this bloom absorbed it. */
  public boolean containsAll(LogsBloom other) {
    for (int i = 0; i < LENGTH; i++) {
      byte theirs = other.bytes.get(i);
      if ((bytes.get(i) & theirs) != theirs) {
        return false;
      }
    }
    return true;
  }

  /** The bitwise OR of the two blooms. */
  public LogsBloom or(LogsBloom other) {
    return builder().add(this).add(other).build();
  }

  private boolean mightContainDigest(Hash digest) {
    Bytes hash = digest.bytes();
    for (int pair = 0; pair < 6; pair += 2) {
      int bit = bitIndex(hash, pair);
      if ((bytes.get(byteIndex(bit)) & mask(bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Sets the three bits of the item whose keccak-256 is {@code digest}. */
  private static void setBits(byte[] bits, Hash digest) {
    Bytes hash = digest.bytes();
    for (int pair = 0; pair < 6; pair += 2) {
      int bit = bitIndex(hash, pair);
      bits[byteIndex(bit)] |= (byte) mask(bit);
    }
  }

  private static int bitIndex(Bytes hash, int pair) {
    return ((hash.get(pair) & 0xff) << 8 | (hash.get(pair + 1) & 0xff)) & 0x7ff;
  }

  private static int byteIndex(int bit) {
    return LENGTH - 1 - (bit >>> 3);
  }

  private static int mask(int bit) {
    return 1 << (bit & 7);
  }

  @Override
  public String toString() {
    return bytes.toString();
  }

  /** Accumulates items into a bloom. Not thread-safe. */
  public static final class Builder {
    private final byte[] bits = new byte[LENGTH];

    private Builder() {}

    /** Adds an address. */
    public Builder add(Address address) {
      return addDigest(address.digest());
    }

    /** Adds a topic. */
    public Builder add(Hash topic) {
      return addDigest(topic.digest());
    }

    /** Adds a log's address and every topic. */
    public Builder add(Log log) {
      add(log.address());
      for (Hash topic : log.topics()) {
        add(topic);
      }
      return this;
    }

    /** ORs a whole bloom in. */
    public Builder add(LogsBloom bloom) {
      for (int i = 0; i < LENGTH; i++) {
        bits[i] |= bloom.bytes.get(i);
      }
      return this;
    }

    /** The bloom of everything added so far. */
    public LogsBloom build() {
      return new LogsBloom(Bytes.of(bits));
    }

    private Builder addDigest(Hash digest) {
      setBits(bits, digest);
      return this;
    }
  }
}
