package io.paraseq.batcher.derive;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What stopped the verifier: the broken rule, the batch, and the first L2 block the verifier can
 * show differs (the failing block for invalid data; for a state root mismatch the block a reference
 * node located ({@link MismatchLocator}), else the batch's last block — the batch posts one root
 * for all its blocks; empty when no block is to blame, e.g. an L1 transaction it cannot read).
 *
 * @param reason the broken rule
 * @param seq the batch's sequence number
 * @param firstDifferingBlock the first L2 block shown to differ, if any
 * @param detail the offending values, for people
 * @param location for a state root mismatch, where the comparison with the reference put it
 */
public record DerivationFailure(
    DerivationError reason,
    long seq,
    OptionalLong firstDifferingBlock,
    String detail,
    Optional<MismatchLocation> location) {

  /** Requires every component. */
  public DerivationFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(firstDifferingBlock, "firstDifferingBlock");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(location, "location");
  }

  /** A failure blaming no block. */
  static DerivationFailure of(DerivationError reason, long seq, String detail) {
    return new DerivationFailure(reason, seq, OptionalLong.empty(), detail, Optional.empty());
  }

  /** A failure blaming {@code block}. */
  static DerivationFailure atBlock(DerivationError reason, long seq, long block, String detail) {
    return new DerivationFailure(reason, seq, OptionalLong.of(block), detail, Optional.empty());
  }

  /**
   * A state root mismatch of the batch ending at {@code lastBlock}: it blames the block {@code
   * location} found, else the last block, and its detail ends with the location.
   */
  static DerivationFailure rootMismatch(
      long seq, long lastBlock, String detail, MismatchLocation location) {
    return new DerivationFailure(
        DerivationError.STATE_ROOT_MISMATCH,
        seq,
        OptionalLong.of(location.firstDifferingBlock().orElse(lastBlock)),
        detail + "; " + location.describe(),
        Optional.of(location));
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
