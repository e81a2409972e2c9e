package io.paraseq.protocol.trie;

/** Why a Merkle proof was rejected. */
public enum ProofError {
  /** The proof ends before the key's path is settled: a referenced node is not in it. */
  MISSING_NODE("a node the path needs is missing from the proof"),
  /** A node's keccak256 differs from the hash its parent (or the root) gives for it. */
  HASH_MISMATCH("a node does not hash to the reference pointing to it"),
  /** A node is not a canonical leaf, extension or branch encoding. */
  MALFORMED_NODE("a node is not a well-formed trie node"),
  /** Nodes remain after the key's path was settled. */
  UNUSED_NODES("the proof has nodes beyond the key's path");

  private final String description;

  ProofError(String description) {
    this.description = description;
  }

  /** A short human-readable statement of the failure. */
  public String description() {
    return description;
  }
}
