package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Hash;

/**
 * A trie needed a node that its {@link TrieNodeStore} does not have: the store is incomplete or
 * does not belong to this root. An infrastructure fault, not an expected outcome.
 */
public final class MissingTrieNodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Hash hash;

  MissingTrieNodeException(Hash hash) {
    super("trie node " + hash + " is not in the node store");
    this.hash = hash;
  }

  /** Hash of the missing node. */
  public Hash hash() {
    return hash;
  }
}
