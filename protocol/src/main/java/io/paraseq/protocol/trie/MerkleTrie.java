package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ethereum's hexary Merkle-Patricia trie over plain byte keys (Yellow Paper, appendix D).
 *
 * <p>Nodes are immutable and cache their reference (inline RLP or keccak256), so {@link
 * #rootHash()} after a batch of updates hashes only the nodes the batch created; with {@link
 * ParallelHashing} it hashes the subtrees under the top branch in parallel. A trie loaded from a
 * root hash ({@link #load}) reads nodes from its {@link TrieNodeStore} as they are needed, and
 * {@link #commit()} writes the new nodes back in one batch.
 *
 * <p>Threading: single writer. One thread owns a trie instance and makes every call, reads included
 * (reads load and cache nodes). Parallel hashing is internal and finished when {@link #rootHash()}
 * or {@link #commit()} returns. The store may be shared if it is thread-safe.
 */
public final class MerkleTrie {

  /** Root of the empty trie: keccak256(rlp("")). */
  public static final Hash EMPTY_ROOT =
      Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private final NodeResolver resolver;
  private final TrieMutations mutations;
  private final TrieHasher hasher = new TrieHasher();
  private final ParallelHashing hashing;
  private Node root;
  private int pendingUpdates;

  private MerkleTrie(Node root, TrieNodeStore store, ParallelHashing hashing) {
    this.root = root;
    this.resolver = new NodeResolver(Objects.requireNonNull(store, "store"));
    this.mutations = new TrieMutations(resolver);
    this.hashing = Objects.requireNonNull(hashing, "hashing");
  }

  /** An empty trie in memory only, hashed sequentially. */
  public static MerkleTrie empty() {
    return empty(TrieNodeStore.none(), ParallelHashing.sequential());
  }

  /** An empty trie that commits to {@code store}. */
  public static MerkleTrie empty(TrieNodeStore store, ParallelHashing hashing) {
    return new MerkleTrie(EmptyNode.INSTANCE, store, hashing);
  }

  /**
   * The trie with root {@code root}, whose nodes are read from {@code store} when first needed
   * (nothing is read here). A missing node surfaces later as {@link MissingTrieNodeException}.
   */
  public static MerkleTrie load(Hash root, TrieNodeStore store, ParallelHashing hashing) {
    Objects.requireNonNull(root, "root");
    Node top = root.equals(EMPTY_ROOT) ? EmptyNode.INSTANCE : new StoredNode(root);
    return new MerkleTrie(top, store, hashing);
  }

  /** The trie holding {@code entries} (empty values are skipped), in memory only. */
  public static MerkleTrie build(Map<Bytes, Bytes> entries) {
    return build(entries, TrieNodeStore.none(), ParallelHashing.sequential());
  }

  /**
   * The trie holding {@code entries} (empty values are skipped), built in one pass over the sorted
   * keys: the way to rebuild the trie from flat state. Nothing is hashed or stored until {@link
   * #rootHash()} or {@link #commit()}.
   */
  public static MerkleTrie build(
      Map<Bytes, Bytes> entries, TrieNodeStore store, ParallelHashing hashing) {
    MerkleTrie trie = new MerkleTrie(FlatTrieBuilder.build(entries), store, hashing);
    trie.pendingUpdates = entries.size();
    return trie;
  }

  /** The value of {@code key}, if present. */
  public Optional<Bytes> get(Bytes key) {
    byte[] path = Nibbles.of(key);
    Node node = root;
    int pos = 0;
    while (true) {
      switch (resolver.resolve(node)) {
        case EmptyNode empty -> {
          return Optional.empty();
        }
        case LeafNode leaf -> {
          return Nibbles.equalsRest(path, pos, leaf.path)
              ? Optional.of(leaf.value)
              : Optional.empty();
        }
        case ExtensionNode extension -> {
          if (!Nibbles.startsWith(path, pos, extension.path)) {
            return Optional.empty();
          }
          pos += extension.path.length;
          node = extension.child;
        }
        case BranchNode branch -> {
          if (pos == path.length) {
            return branch.value.isEmpty() ? Optional.empty() : Optional.of(branch.value);
          }
          node = branch.children[path[pos++]];
        }
        case StoredNode stored -> throw new IllegalStateException("resolve returned a stored node");
      }
    }
  }

  /** Sets {@code key} to {@code value}; an empty value deletes the key. */
  public void put(Bytes key, Bytes value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      delete(key);
      return;
    }
    Node updated = mutations.put(root, Nibbles.of(key), 0, value);
    if (updated != root) {
      root = updated;
      pendingUpdates++;
    }
  }

  /** Removes {@code key}; nothing happens if it is absent. */
  public void delete(Bytes key) {
    Node updated = mutations.delete(root, Nibbles.of(key), 0);
    if (updated != root) {
      root = updated;
      pendingUpdates++;
    }
  }

  /** True when the trie holds no key. */
  public boolean isEmpty() {
    return resolver.resolve(root) == EmptyNode.INSTANCE;
  }

  /** The root hash, hashing the nodes changed since the last hash. */
  public Hash rootHash() {
    return rootHashOf(hashRoot(Optional.empty()));
  }

  /**
   * Hashes the trie, writes every node that is not yet in the store to it in one {@link
   * TrieNodeStore#putAll} call, and returns the root with those nodes. The root node is stored by
   * its hash even when it is shorter than 32 bytes; the empty trie stores nothing.
   */
  public TrieCommit commit() {
    Map<Hash, Bytes> nodes = new HashMap<>();
    boolean rootWasPersisted = root.persisted;
    Bytes ref = hashRoot(Optional.of(nodes));
    Hash rootHash = rootHashOf(ref);
    if (!rootWasPersisted && ref.length() < Node.HASH_LENGTH && root != EmptyNode.INSTANCE) {
      nodes.put(rootHash, ref);
    }
    if (!nodes.isEmpty()) {
      resolver.store().putAll(nodes);
    }
    return new TrieCommit(rootHash, nodes);
  }

  /**
   * The Merkle proof of {@code key} ({@code eth_getProof} format): the RLP of the root node and of
   * every node on the key's path that is referenced by hash, root first, down to the key's leaf or
   * to the node that proves its absence. Empty for the empty trie.
   */
  public List<Bytes> proof(Bytes key) {
    hashRoot(Optional.empty());
    byte[] path = Nibbles.of(key);
    List<Bytes> proof = new ArrayList<>();
    Node node = root;
    int pos = 0;
    while (true) {
      node = resolver.resolve(node);
      if (node == EmptyNode.INSTANCE) {
        return List.copyOf(proof);
      }
      if (proof.isEmpty() || node.ref.length() == Node.HASH_LENGTH) {
        proof.add(hasher.encoding(node));
      }
      if (node instanceof ExtensionNode extension
          && Nibbles.startsWith(path, pos, extension.path)) {
        pos += extension.path.length;
        node = extension.child;
      } else if (node instanceof BranchNode branch && pos < path.length) {
        node = branch.children[path[pos++]];
      } else {
        return List.copyOf(proof);
      }
    }
  }

  /** The smallest key greater than {@code key}, if any ({@code key} need not be present). */
  public Optional<Bytes> nextKey(Bytes key) {
    return new TrieCursor(resolver).next(root, Nibbles.of(key));
  }

  /** The greatest key smaller than {@code key}, if any ({@code key} need not be present). */
  public Optional<Bytes> previousKey(Bytes key) {
    return new TrieCursor(resolver).previous(root, Nibbles.of(key));
  }

  private Bytes hashRoot(Optional<Map<Hash, Bytes>> sink) {
    Bytes ref = hasher.hash(root, hashing.executorFor(pendingUpdates), sink);
    pendingUpdates = 0;
    return ref;
  }

  private static Hash rootHashOf(Bytes ref) {
    return ref.length() == Node.HASH_LENGTH ? Hash.of(ref) : Hash.keccak(ref);
  }
}
