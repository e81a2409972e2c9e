package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import java.util.Objects;

/**
 * The outcome of checking a Merkle proof: the key's value, the key's proven absence, or the reason
 * the proof is invalid. Handle it with an exhaustive {@code switch}.
 */
public sealed interface ProofResult {

  /** The proof shows that the key maps to {@code value} (never empty). */
  record Found(Bytes value) implements ProofResult {
    /** Checks the value is present. */
    public Found {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The proof shows that the key is not in the trie. */
  record Absent() implements ProofResult {}

  /**
   * The proof proves nothing.
   *
   * @param error the reason
   * @param nodeIndex index in the proof of the offending node (the proof's size when a node is
   *     missing)
   */
  record Invalid(ProofError error, int nodeIndex) implements ProofResult {
    /** Checks the reason is present. */
    public Invalid {
      Objects.requireNonNull(error, "error");
    }
  }
}
