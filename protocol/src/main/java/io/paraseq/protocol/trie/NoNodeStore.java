package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Map;
import java.util.Optional;

/** {@link TrieNodeStore#none()}: holds nothing, ignores writes. Stateless. */
enum NoNodeStore implements TrieNodeStore {
  INSTANCE;

  @Override
  public Optional<Bytes> get(Hash hash) {
    return Optional.empty();
  }

  @Override
  public void putAll(Map<Hash, Bytes> nodes) {}
}
