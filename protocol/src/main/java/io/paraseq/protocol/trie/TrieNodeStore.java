package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Map;
import java.util.Optional;

/**
 * Where trie nodes live: encodings keyed by the keccak256 of the encoding. A trie loaded from a
 * root hash reads its nodes from here on demand, and {@link MerkleTrie#commit()} writes the new
 * nodes of each commit here in one batch.
 *
 * <p>Content-addressed, so writing a node twice is harmless and nodes are never updated in place.
 * Implementations used by one trie from one thread need not be thread-safe; the store adapters
 * (PostgreSQL, in memory) say what they guarantee.
 */
public interface TrieNodeStore {

  /** The encoding whose keccak256 is {@code hash}, if stored. */
  Optional<Bytes> get(Hash hash);

  /** Stores every {@code hash → encoding} pair of {@code nodes}, as one batch. */
  void putAll(Map<Hash, Bytes> nodes);

  /** A store that holds nothing and ignores writes, for tries that live only in memory. */
  static TrieNodeStore none() {
    return NoNodeStore.INSTANCE;
  }
}
