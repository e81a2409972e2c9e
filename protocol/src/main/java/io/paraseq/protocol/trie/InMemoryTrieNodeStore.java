package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TrieNodeStore} in a concurrent hash map. Thread-safe. */
public final class InMemoryTrieNodeStore implements TrieNodeStore {

  private final Map<Hash, Bytes> nodes = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryTrieNodeStore() {}

  @Override
  public Optional<Bytes> get(Hash hash) {
    return Optional.ofNullable(nodes.get(Objects.requireNonNull(hash, "hash")));
  }

  @Override
  public void putAll(Map<Hash, Bytes> batch) {
    nodes.putAll(batch);
  }

  /** Number of stored nodes. */
  public int size() {
    return nodes.size();
  }
}
