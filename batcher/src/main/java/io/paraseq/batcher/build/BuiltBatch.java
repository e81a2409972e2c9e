package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Bytes;
import java.util.Objects;

/**
 * A closed batch: what {@code appendBatch} commits to and the data it posts.
 *
 * @param header the committed fields (seq, roots, block range, deposit cursor, data hash)
 * @param data the posted data
 * @param transactionCount user transactions in the batch
 * @param reason the close rule that fired
 */
public record BuiltBatch(BatchHeader header, Bytes data, int transactionCount, String reason) {

  /** Checks the fields. */
  public BuiltBatch {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(reason, "reason");
  }

  /** Blocks in the batch. */
  public long blockCount() {
    return header.lastBlock() - header.firstBlock() + 1;
  }
}
