package io.paraseq.batcher.derive;

import io.paraseq.protocol.types.Hash;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where a batch's state root mismatch lies, as far as the verifier could tell by comparing its own
 * state root after each block of the batch with a reference node's ({@link MismatchLocator}).
 * Handle with an exhaustive {@code switch}.
 */
public sealed interface MismatchLocation
    permits MismatchLocation.Located,
        MismatchLocation.PostedRootDiffers,
        MismatchLocation.Unlocated {

  /** The first block whose root differs from the reference's, if one was found. */
  OptionalLong firstDifferingBlock();

  /** One clause for the log line and the health details. */
  String describe();

  /**
   * The verifier's root after {@code block} differs from the reference's, and every earlier block
   * of the batch agrees with it.
   *
   * @param block the first differing block
   * @param derivedRoot the verifier's root after it
   * @param referenceRoot the reference's root after it
   * @param reference where the reference is
   */
  record Located(long block, Hash derivedRoot, Hash referenceRoot, String reference)
      implements MismatchLocation {
    /** Requires every component. */
    public Located {
      Objects.requireNonNull(derivedRoot, "derivedRoot");
      Objects.requireNonNull(referenceRoot, "referenceRoot");
      Objects.requireNonNull(reference, "reference");
    }

    @Override
    public OptionalLong firstDifferingBlock() {
      return OptionalLong.of(block);
    }

    @Override
    public String describe() {
      return "first block differing from the reference "
          + reference
          + ": "
          + block
          + " (derived "
          + derivedRoot
          + ", reference "
          + referenceRoot
          + ")";
    }
  }

  /**
   * Every block of the batch has the reference's root: the verifier's execution agrees with the
   * reference, and the posted root is what differs.
   *
   * @param firstBlock the batch's first block
   * @param lastBlock the batch's last block
   * @param reference where the reference is
   */
  record PostedRootDiffers(long firstBlock, long lastBlock, String reference)
      implements MismatchLocation {
    /** Requires the reference. */
    public PostedRootDiffers {
      Objects.requireNonNull(reference, "reference");
    }

    @Override
    public OptionalLong firstDifferingBlock() {
      return OptionalLong.empty();
    }

    @Override
    public String describe() {
      return "blocks "
          + firstBlock
          + ".."
          + lastBlock
          + " all equal the reference "
          + reference
          + ": the posted root is what differs";
    }
  }

  /**
   * Not located: the first differing block is somewhere in {@code firstBlock..lastBlock}.
   *
   * @param firstBlock the batch's first block
   * @param lastBlock the batch's last block
   * @param why why it could not be located
   */
  record Unlocated(long firstBlock, long lastBlock, String why) implements MismatchLocation {
    /** Requires the reason. */
    public Unlocated {
      Objects.requireNonNull(why, "why");
    }

    @Override
    public OptionalLong firstDifferingBlock() {
      return OptionalLong.empty();
    }

    @Override
    public String describe() {
      return "the first differing block is in [" + firstBlock + ", " + lastBlock + "]: " + why;
    }
  }
}
