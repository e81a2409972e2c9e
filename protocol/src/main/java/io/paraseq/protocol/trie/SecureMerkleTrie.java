package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secure trie of Ethereum's state and storage: a {@link MerkleTrie} keyed by keccak256 of each
 * key, so paths are uniformly spread and bounded at 64 nibbles. Proofs are proofs of the hashed
 * key, checked with {@link ProofVerifier#verifySecure}.
 *
 * <p>Threading: single writer, as {@link MerkleTrie}.
 */
public final class SecureMerkleTrie {

  private final MerkleTrie trie;

  private SecureMerkleTrie(MerkleTrie trie) {
    this.trie = trie;
  }

  /** An empty secure trie in memory only, hashed sequentially. */
  public static SecureMerkleTrie empty() {
    return new SecureMerkleTrie(MerkleTrie.empty());
  }

  /** An empty secure trie that commits to {@code store}. */
  public static SecureMerkleTrie empty(TrieNodeStore store, ParallelHashing hashing) {
    return new SecureMerkleTrie(MerkleTrie.empty(store, hashing));
  }

  /** The secure trie with root {@code root}, read from {@code store} on demand. */
  public static SecureMerkleTrie load(Hash root, TrieNodeStore store, ParallelHashing hashing) {
    return new SecureMerkleTrie(MerkleTrie.load(root, store, hashing));
  }

  /** The secure trie holding {@code entries} (unhashed keys), built in one pass. */
  public static SecureMerkleTrie build(
      Map<Bytes, Bytes> entries, TrieNodeStore store, ParallelHashing hashing) {
    Map<Bytes, Bytes> hashed = HashMap.newHashMap(entries.size());
    entries.forEach((key, value) -> hashed.put(hashKey(key), value));
    return new SecureMerkleTrie(MerkleTrie.build(hashed, store, hashing));
  }

  /** The secure trie holding {@code entries}, in memory only. */
  public static SecureMerkleTrie build(Map<Bytes, Bytes> entries) {
    return build(entries, TrieNodeStore.none(), ParallelHashing.sequential());
  }

  /** The value of {@code key}, if present. */
  public Optional<Bytes> get(Bytes key) {
    return trie.get(hashKey(key));
  }

  /** Sets {@code key} to {@code value}; an empty value deletes the key. */
  public void put(Bytes key, Bytes value) {
    trie.put(hashKey(key), value);
  }

  /** Removes {@code key}; nothing happens if it is absent. */
  public void delete(Bytes key) {
    trie.delete(hashKey(key));
  }

  /** True when the trie holds no key. */
  public boolean isEmpty() {
    return trie.isEmpty();
  }

  /** The root hash. */
  public Hash rootHash() {
    return trie.rootHash();
  }

  /** See {@link MerkleTrie#commit()}. */
  public TrieCommit commit() {
    return trie.commit();
  }

  /** The Merkle proof of {@code key}, that is of keccak256({@code key}) in the underlying trie. */
  public List<Bytes> proof(Bytes key) {
    return trie.proof(hashKey(key));
  }

  private static Bytes hashKey(Bytes key) {
    return Hash.keccak(key).bytes();
  }
}
