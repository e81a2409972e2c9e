package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * Blocks and the data they encode to.
 *
 * @param blocks the blocks, as the batch carries them
 * @param data the posted data (version and codec bytes, then the compressed payload)
 * @param transactionCount transactions in all blocks
 */
public record EncodedBatch(List<BatchBlock> blocks, Bytes data, int transactionCount) {

  /** Checks the fields and copies the list. */
  public EncodedBatch {
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(data, "data");
  }
}
