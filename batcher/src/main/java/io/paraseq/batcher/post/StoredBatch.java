package io.paraseq.batcher.post;

import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Bytes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch as stored: its header, its exact data, its L1 status and placement.
 *
 * @param header the committed fields
 * @param data the posted data
 * @param transactionCount user transactions in the batch
 * @param intentId the L1 transaction manager's intent ({@code batch-<seq>})
 * @param status where it stands
 * @param placement the including L1 transaction and block, while included, confirmed or reverted
 * @param finalizedAt when the contract first reported it final
 */
public record StoredBatch(
    BatchHeader header,
    Bytes data,
    int transactionCount,
    String intentId,
    BatchStatus status,
    Optional<L1Placement> placement,
    Optional<Instant> finalizedAt) {

  /** Checks the fields. */
  public StoredBatch {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(intentId, "intentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(finalizedAt, "finalizedAt");
  }

  /** The batch's seq. */
  public long seq() {
    return header.seq();
  }

  /** The intent id of batch {@code seq}. */
  public static String intentId(long seq) {
    return "batch-" + seq;
  }
}
