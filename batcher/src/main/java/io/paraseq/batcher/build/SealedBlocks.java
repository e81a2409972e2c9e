package io.paraseq.batcher.build;

import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the batcher reads the node's sealed blocks (the node implements it over
 * its chain tables). Reads only: the batcher never slows the block producer. Implementations are
 * thread-safe.
 */
public interface SealedBlocks {

  /** The number of the latest sealed and persisted block (0 before the first block). */
  long head();

  /**
   * The sealed blocks {@code from..to} (inclusive, both at least 1), in order, without gaps,
   * stopping early after the block whose transactions bring the total of raw transaction bytes to
   * at least {@code rawByteBudget} (the first block is always returned). Empty if {@code from} is
   * above the head; blocks above the head are left out.
   */
  List<SealedBlock> range(long from, long to, long rawByteBudget);

  /** The timestamp (seconds) and state root of block {@code number}, if it is sealed. */
  Optional<BlockInfo> info(long number);

  /**
   * A block's number, timestamp and state root.
   *
   * @param number the block number
   * @param timestamp seconds since the Unix epoch
   * @param stateRoot the state root after the block
   */
  record BlockInfo(long number, long timestamp, Hash stateRoot) {}
}
