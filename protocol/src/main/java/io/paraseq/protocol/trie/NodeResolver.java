package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Hash;

/**
 * Loads {@link StoredNode}s from a {@link TrieNodeStore} on first use and remembers the result.
 * Used by the owner thread of one trie.
 */
final class NodeResolver {

  private final TrieNodeStore store;

  NodeResolver(TrieNodeStore store) {
    this.store = store;
  }

  TrieNodeStore store() {
    return store;
  }

  /**
   * {@code node} itself, or the node a {@link StoredNode} stands for.
   *
   * @throws MissingTrieNodeException if the store lacks it
   * @throws IllegalStateException if the store holds a malformed or mismatching encoding
   */
  Node resolve(Node node) {
    if (!(node instanceof StoredNode stored)) {
      return node;
    }
    var cached = stored.resolved();
    if (cached.isPresent()) {
      return cached.get();
    }
    var encoding =
        store.get(stored.hash).orElseThrow(() -> new MissingTrieNodeException(stored.hash));
    Node loaded;
    try {
      loaded = NodeDecoder.decode(encoding);
    } catch (MalformedNodeException e) {
      throw new IllegalStateException(
          "corrupt trie node " + stored.hash + ": " + e.getMessage(), e);
    }
    if (loaded instanceof EmptyNode) {
      throw new IllegalStateException("the store maps " + stored.hash + " to the empty node");
    }
    boolean matches =
        loaded.ref.length() == Node.HASH_LENGTH
            ? loaded.ref.equals(stored.hash.bytes())
            : Hash.keccak(loaded.ref).equals(stored.hash);
    if (!matches) {
      throw new IllegalStateException("store returned a node that does not hash to " + stored.hash);
    }
    stored.resolvedAs(loaded);
    return loaded;
  }
}
