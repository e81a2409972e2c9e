package io.paraseq.sequencer.store;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code pool_transactions} as read back at start: enough to verify the transaction again
 * from its exact encoding.
 *
 * @param hash the hash stored with the row
 * @param raw the encoding as received
 * @param arrivalSeq the database's arrival order
 * @param receivedAt when it was accepted
 */
public record StoredPoolTransaction(Hash hash, Bytes raw, long arrivalSeq, Instant receivedAt) {

  /** Requires every component. */
  public StoredPoolTransaction {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
