package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.AddressRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The blocks that would make up the next batch if it were closed now, for the {@link CloseRule}s:
 * every sealed block after the last batch, up to the block limit and the read budget. Encoding them
 * is costly (Zstandard level 19), so {@link #encoded()} is computed once, when a rule first asks.
 * Encoded against the address registry after the last built batch, which it reads and never
 * changes. Used by one thread.
 */
public final class PendingBlocks {

  private final List<SealedBlock> blocks;
  private final boolean truncated;
  private final Instant now;
  private final BatchEncoding encoding;
  private final AddressRegistry registry;
  private EncodedBatch encoded;

  /**
   * @param blocks the pending blocks, at least one, in order
   * @param truncated whether more sealed blocks are waiting behind them than were read (the read
   *     budget of raw bytes stopped the read)
   * @param now the time the rules judge at
   * @param encoding how to encode them
   * @param registry the address registry after the last built batch
   */
  PendingBlocks(
      List<SealedBlock> blocks,
      boolean truncated,
      Instant now,
      BatchEncoding encoding,
      AddressRegistry registry) {
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("no pending blocks");
    }
    this.blocks = List.copyOf(blocks);
    this.truncated = truncated;
    this.now = Objects.requireNonNull(now, "now");
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** The address registry the blocks are encoded against. */
  AddressRegistry registry() {
    return registry;
  }

  /** The pending blocks, oldest first. */
  public List<SealedBlock> blocks() {
    return blocks;
  }

  /** Whether the read stopped at the raw byte budget while more blocks were sealed. */
  public boolean truncated() {
    return truncated;
  }

  /** The time the rules judge at. */
  public Instant now() {
    return now;
  }

  /** Raw transaction bytes of all pending blocks. */
  public long rawBytes() {
    long total = 0;
    for (SealedBlock block : blocks) {
      total += block.rawBytes();
    }
    return total;
  }

  /** All pending blocks encoded, if a rule has asked for it already. */
  Optional<EncodedBatch> encodedIfComputed() {
    return Optional.ofNullable(encoded);
  }

  /** All pending blocks encoded (computed on the first call). */
  public EncodedBatch encoded() {
    if (encoded == null) {
      encoded = encoding.encode(blocks, registry);
    }
    return encoded;
  }
}
