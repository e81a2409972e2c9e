package io.paraseq.protocol.block;

import io.paraseq.protocol.rlp.RlpError;
import io.paraseq.protocol.rlp.RlpException;
import java.util.Objects;
import java.util.Optional;

/**
 * Rejected block data: the reason, what exactly was wrong, and for RLP-level faults the strict
 * reader's {@link RlpError}.
 *
 * @param reason the broken rule
 * @param detail the offending field and value, for people
 * @param rlpError the RLP rule broken, when the fault was found by the RLP reader
 */
public record BlockDecodeFailure(
    BlockDecodeError reason, String detail, Optional<RlpError> rlpError) {

  /** Requires every component. */
  public BlockDecodeFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(rlpError, "rlpError");
  }

  /** A failure without an RLP cause. */
  public static BlockDecodeFailure of(BlockDecodeError reason, String detail) {
    return new BlockDecodeFailure(reason, detail, Optional.empty());
  }

  /** A failure found by the RLP reader while reading {@code field}. */
  static BlockDecodeFailure rlp(String field, RlpException cause) {
    return new BlockDecodeFailure(
        BlockDecodeError.RLP_MALFORMED,
        field + ": " + cause.getMessage(),
        Optional.of(cause.error()));
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
