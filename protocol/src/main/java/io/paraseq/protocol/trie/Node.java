package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;

/**
 * A trie node. The structure (path, value, children) is immutable: an update builds new nodes along
 * the changed path and shares every other subtree, so the nodes of an unchanged subtree keep their
 * cached references and are never hashed again.
 *
 * <p>Two memo fields are mutable: {@link #ref} (filled when the node is hashed) and {@link
 * #persisted} (set when its encoding has gone to a store). They are written only by the thread that
 * owns the trie, or by a parallel hashing task that owns the whole subtree; the executor's
 * completion gives the happens-before edge back to the owner.
 */
abstract sealed class Node permits EmptyNode, LeafNode, ExtensionNode, BranchNode, StoredNode {

  /** Hash reference length: a reference of this length is a keccak256, shorter is inline RLP. */
  static final int HASH_LENGTH = 32;

  /**
   * How a parent refers to this node: its RLP when shorter than 32 bytes, else keccak256 of its
   * RLP; {@code null} until hashed.
   */
  Bytes ref;

  /** True once this node's encoding is in the store (or inline in a node that is). */
  boolean persisted;

  /** True when hashing must visit this node (to compute its reference or to collect it). */
  final boolean needsVisit(boolean collecting) {
    return ref == null || (collecting && !persisted);
  }
}
