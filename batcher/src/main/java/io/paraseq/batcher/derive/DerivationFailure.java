package io.paraseq.batcher.derive;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What stopped the verifier: the broken rule, the batch, and the first L2 block the verifier can
 * show differs (the failing block for invalid data, the batch's last block for a state root
 * mismatch — the batch posts one root for all its blocks — and empty when no block is to blame,
 * e.g. an L1 transaction it cannot read).
 *
 * @param reason the broken rule
 * @param seq the batch's sequence number
 * @param firstDifferingBlock the first L2 block shown to differ, if any
 * @param detail the offending values, for people
 */
public record DerivationFailure(
    DerivationError reason, long seq, OptionalLong firstDifferingBlock, String detail) {

  /** Requires every component. */
  public DerivationFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(firstDifferingBlock, "firstDifferingBlock");
    Objects.requireNonNull(detail, "detail");
  }

  /** A failure blaming no block. */
  static DerivationFailure of(DerivationError reason, long seq, String detail) {
    return new DerivationFailure(reason, seq, OptionalLong.empty(), detail);
  }

  /** A failure blaming {@code block}. */
  static DerivationFailure atBlock(DerivationError reason, long seq, long block, String detail) {
    return new DerivationFailure(reason, seq, OptionalLong.of(block), detail);
  }

  /** {@code seq=… block=… reason=… detail=…}, one log line's fields. */
  public String message() {
    return "seq="
        + seq
        + " first_differing_block="
        + (firstDifferingBlock.isPresent()
            ? Long.toString(firstDifferingBlock.getAsLong())
            : "none")
        + " reason="
        + reason
        + " ("
        + reason.description()
        + ") detail="
        + detail;
  }

  @Override
  public String toString() {
    return message();
  }
}
