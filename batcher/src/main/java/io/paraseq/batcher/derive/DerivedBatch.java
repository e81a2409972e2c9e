package io.paraseq.batcher.derive;

import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.batch.DecodedBatch;
import java.util.Objects;

/**
 * A batch read back from L1 and checked against its event: the header it commits to, its decoded
 * blocks, and the event it came from.
 *
 * @param header the header (its batch hash is the event's)
 * @param batch the decoded data (blocks {@code header.firstBlock()..header.lastBlock()})
 * @param event the {@code BatchAppended} event
 */
public record DerivedBatch(BatchHeader header, DecodedBatch batch, BatchAppendedEvent event) {

  /** Requires every component. */
  public DerivedBatch {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(event, "event");
  }
}
