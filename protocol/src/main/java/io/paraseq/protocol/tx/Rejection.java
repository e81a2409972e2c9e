package io.paraseq.protocol.tx;

import io.paraseq.protocol.rlp.RlpError;
import io.paraseq.protocol.rlp.RlpException;
import java.util.Objects;
import java.util.Optional;

/**
 * A rejected transaction: the reason, what exactly was wrong, and for RLP-level faults the strict
 * decoder's {@link RlpError}.
 *
 * @param reason the broken rule
 * @param detail the offending field and value, for people
 * @param rlpError the RLP rule broken, when the fault was found by the RLP reader
 */
public record Rejection(InvalidTransaction reason, String detail, Optional<RlpError> rlpError) {

  /** Requires every component. */
  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(rlpError, "rlpError");
  }

  /** A rejection without an RLP cause. */
  public static Rejection of(InvalidTransaction reason, String detail) {
    return new Rejection(reason, detail, Optional.empty());
  }

  /** A rejection caused by the RLP reader. */
  static Rejection of(InvalidTransaction reason, String field, RlpException cause) {
    return new Rejection(reason, field + ": " + cause.getMessage(), Optional.of(cause.error()));
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
