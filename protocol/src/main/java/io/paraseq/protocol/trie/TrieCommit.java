package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link MerkleTrie#commit()}: the root hash and the nodes that became reachable
 * since the previous commit (keccak256 of the encoding → encoding), which were written to the
 * trie's store in one batch.
 *
 * @param root the root hash after the commit
 * @param nodes the new nodes; unmodifiable
 */
public record TrieCommit(Hash root, Map<Hash, Bytes> nodes) {

  /** Copies {@code nodes}. */
  public TrieCommit {
    Objects.requireNonNull(root, "root");
    nodes = Map.copyOf(nodes);
  }
}
