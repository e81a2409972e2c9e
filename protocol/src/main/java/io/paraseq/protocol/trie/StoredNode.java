package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Hash;
import java.util.Optional;

/**
 * A node known only by its hash, whose encoding is in the {@link TrieNodeStore}; it is loaded on
 * first use and the loaded node is kept ({@link #resolved}), so a lazily loaded trie fills in as it
 * is read.
 */
final class StoredNode extends Node {

  final Hash hash;

  /** The loaded node; written by the owner thread only. */
  private Node resolved;

  StoredNode(Hash hash) {
    this.hash = hash;
    this.ref = hash.bytes();
    this.persisted = true;
  }

  Optional<Node> resolved() {
    return Optional.ofNullable(resolved);
  }

  void resolvedAs(Node node) {
    resolved = node;
  }
}
