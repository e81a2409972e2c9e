package io.paraseq.batcher.post;

import io.paraseq.protocol.types.Hash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of a batch's status history.
 *
 * @param status the status entered, or {@code finalized}
 * @param l1TxHash the L1 transaction it concerns, if any
 * @param l1Block the L1 block it concerns, if any
 * @param detail a short explanation, if any
 * @param at when the batcher recorded it
 */
public record BatchEvent(
    String status,
    Optional<Hash> l1TxHash,
    OptionalLong l1Block,
    Optional<String> detail,
    Instant at) {

  /** Checks the fields. */
  public BatchEvent {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(l1TxHash, "l1TxHash");
    Objects.requireNonNull(l1Block, "l1Block");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }
}
