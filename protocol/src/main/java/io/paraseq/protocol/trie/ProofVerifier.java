package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * Checks Merkle proofs in the {@code eth_getProof} format: the RLP encodings of the nodes on a
 * key's path, root first, each node referenced by hash from its parent (inline nodes travel inside
 * their parent). The proof must be exactly the nodes the path needs: a missing node, a node that
 * does not hash to its reference, a malformed node or a leftover node makes it {@link
 * ProofResult.Invalid}. No exception escapes for any proof. Stateless and thread-safe.
 */
public final class ProofVerifier {

  private ProofVerifier() {}

  /** Checks {@code proof} for {@code key} in the plain trie with root {@code root}. */
  public static ProofResult verify(Hash root, Bytes key, List<Bytes> proof) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(proof, "proof");
    return new Walk(proof).run(root, Nibbles.of(key));
  }

  /** Checks {@code proof} for {@code key} in the secure trie (keyed by keccak256) with root. */
  public static ProofResult verifySecure(Hash root, Bytes key, List<Bytes> proof) {
    return verify(root, Hash.keccak(key).bytes(), proof);
  }

  /** One walk down a proof. */
  private static final class Walk {

    private final List<Bytes> proof;
    private int next;

    Walk(List<Bytes> proof) {
      this.proof = proof;
    }

    ProofResult run(Hash root, byte[] key) {
      if (proof.isEmpty() && root.equals(MerkleTrie.EMPTY_ROOT)) {
        return new ProofResult.Absent();
      }
      try {
        ProofResult result = walk(load(root), key);
        return next == proof.size() ? result : invalid(ProofError.UNUSED_NODES, next);
      } catch (Failure failure) {
        return failure.result;
      }
    }

    private ProofResult walk(Node node, byte[] key) {
      int pos = 0;
      while (true) {
        switch (node) {
          case EmptyNode empty -> {
            return new ProofResult.Absent();
          }
          case StoredNode stored -> node = load(stored.hash);
          case LeafNode leaf -> {
            return Nibbles.equalsRest(key, pos, leaf.path)
                ? new ProofResult.Found(leaf.value)
                : new ProofResult.Absent();
          }
          case ExtensionNode extension -> {
            if (!Nibbles.startsWith(key, pos, extension.path)) {
              return new ProofResult.Absent();
            }
            pos += extension.path.length;
            node = extension.child;
          }
          case BranchNode branch -> {
            if (pos == key.length) {
              return branch.value.isEmpty()
                  ? new ProofResult.Absent()
                  : new ProofResult.Found(branch.value);
            }
            node = branch.children[key[pos++]];
          }
        }
      }
    }

    /** Takes the next proof node, which must hash to {@code expected}. */
    private Node load(Hash expected) {
      int index = next;
      if (index >= proof.size()) {
        throw new Failure(invalid(ProofError.MISSING_NODE, index));
      }
      Bytes encoded = Objects.requireNonNull(proof.get(index), "proof node");
      next++;
      if (!Hash.keccak(encoded).equals(expected)) {
        throw new Failure(invalid(ProofError.HASH_MISMATCH, index));
      }
      try {
        return NodeDecoder.decode(encoded);
      } catch (MalformedNodeException e) {
        throw new Failure(invalid(ProofError.MALFORMED_NODE, index));
      }
    }

    private static ProofResult invalid(ProofError error, int index) {
      return new ProofResult.Invalid(error, index);
    }
  }

  /** Unwinds a walk with its verdict. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ProofResult result;

    Failure(ProofResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }
}
