package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * Blocks and the data they encode to.
 *
 * @param blocks the blocks, as the batch carries them
 * @param data the posted data (version and codec bytes, then the compressed payload)
 * @param transactionCount transactions in all blocks
 * @param registryAppends the addresses the batch appends to the address registry once stored
 */
public record EncodedBatch(
    List<BatchBlock> blocks, Bytes data, int transactionCount, List<Address> registryAppends) {

  /** Checks the fields and copies the lists. */
  public EncodedBatch {
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(data, "data");
    registryAppends = List.copyOf(registryAppends);
  }
}
