package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A closed batch: what {@code appendBatch} commits to and the data it posts.
 *
 * @param header the committed fields (seq, roots, block range, deposit cursor, data hash)
 * @param data the posted data
 * @param transactionCount user transactions in the batch
 * @param reason the close rule that fired
 * @param registryAppends the addresses the batch appends to the address registry; stored with the
 *     batch, in the same transaction
 */
public record BuiltBatch(
    BatchHeader header,
    Bytes data,
    int transactionCount,
    String reason,
    List<Address> registryAppends) {

  /** Checks the fields and copies the list. */
  public BuiltBatch {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(reason, "reason");
    registryAppends = List.copyOf(registryAppends);
  }

  /** Blocks in the batch. */
  public long blockCount() {
    return header.lastBlock() - header.firstBlock() + 1;
  }
}
