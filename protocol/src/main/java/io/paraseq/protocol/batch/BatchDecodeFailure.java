package io.paraseq.protocol.batch;

import java.util.Objects;

/**
 * Rejected batch data: the reason and what exactly was wrong.
 *
 * @param reason the broken rule
 * @param detail the offending field, position or value, for people
 */
public record BatchDecodeFailure(BatchDecodeError reason, String detail) {

  /** Requires every component. */
  public BatchDecodeFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code REASON: description (detail)}. */
  public String message() {
    return reason + ": " + reason.description() + " (" + detail + ")";
  }

  @Override
  public String toString() {
    return message();
  }
}
