package io.paraseq.batcher.derive;

import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the first block of a batch whose state root differs, after the batch's root did not verify:
 * the batch posts one root for all its blocks, so the verifier alone can only say "somewhere in
 * first..last". With a {@link ReferenceChain} it compares its own root after each block of the
 * batch (recorded as it imported them) with the reference's, in order, and names the first that
 * differs. Diagnostic only: called once the mismatch is established, it changes no verdict.
 *
 * <p>Runs on the verifier's loop thread; stateless.
 */
final class MismatchLocator {

  /** What the log says without a reference. */
  static final String NO_REFERENCE =
      "no reference node is set; paraseq.verifier.reference-rpc (e.g. the sequencer's JSON-RPC)"
          + " would locate it";

  private final Optional<ReferenceChain> reference;

  MismatchLocator(Optional<ReferenceChain> reference) {
    this.reference = Objects.requireNonNull(reference, "reference");
  }

  /**
   * Locates the mismatch of the batch {@code firstBlock..lastBlock}.
   *
   * @param derived the verifier's own tips of the blocks it imported for this batch, in order (a
   *     resumed batch lacks the blocks imported before the restart)
   */
  MismatchLocation locate(long firstBlock, long lastBlock, List<DerivedChain.Tip> derived) {
    if (reference.isEmpty()) {
      return new MismatchLocation.Unlocated(firstBlock, lastBlock, NO_REFERENCE);
    }
    ReferenceChain ref = reference.get();
    if (derived.isEmpty() || derived.getFirst().number() != firstBlock) {
      long recordedFrom = derived.isEmpty() ? lastBlock + 1 : derived.getFirst().number();
      return new MismatchLocation.Unlocated(
          firstBlock,
          lastBlock,
          "blocks "
              + firstBlock
              + ".."
              + (recordedFrom - 1)
              + " were imported before a restart, their roots not recorded");
    }
    for (DerivedChain.Tip tip : derived) {
      Optional<Hash> theirs;
      try {
        theirs = ref.stateRoot(tip.number());
      } catch (ReferenceChain.UnavailableException e) {
        return new MismatchLocation.Unlocated(
            firstBlock,
            lastBlock,
            "the reference " + ref.name() + " could not be asked: " + e.getMessage());
      }
      if (theirs.isEmpty()) {
        return new MismatchLocation.Unlocated(
            firstBlock, lastBlock, "the reference " + ref.name() + " has no block " + tip.number());
      }
      if (!theirs.get().equals(tip.stateRoot())) {
        return new MismatchLocation.Located(
            tip.number(), tip.stateRoot(), theirs.get(), ref.name());
      }
    }
    return new MismatchLocation.PostedRootDiffers(firstBlock, lastBlock, ref.name());
  }
}
