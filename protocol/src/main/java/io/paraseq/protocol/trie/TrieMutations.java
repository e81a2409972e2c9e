package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import java.util.Arrays;

/**
 * Insert, update and delete on immutable nodes: each operation returns the new subtree root,
 * sharing every untouched subtree, or the very same node when nothing changed (so an update to the
 * same value or a delete of an absent key leaves the cached hashes valid).
 *
 * <p>Deletion restores the canonical shape: a branch left with one entry becomes a leaf or an
 * extension, and extensions merge with the extension or leaf below them, so the root depends only
 * on the key/value set. Used by the owner thread of one trie.
 */
final class TrieMutations {

  private final NodeResolver resolver;

  TrieMutations(NodeResolver resolver) {
    this.resolver = resolver;
  }

  /** {@code node} with {@code key[pos ..] → value} set; {@code value} is non-empty. */
  Node put(Node node, byte[] key, int pos, Bytes value) {
    return switch (node) {
      case EmptyNode empty -> new LeafNode(Arrays.copyOfRange(key, pos, key.length), value);
      case StoredNode stored -> put(resolver.resolve(stored), key, pos, value);
      case LeafNode leaf -> putIntoLeaf(leaf, key, pos, value);
      case ExtensionNode extension -> putIntoExtension(extension, key, pos, value);
      case BranchNode branch -> {
        if (pos == key.length) {
          yield branch.value.equals(value) ? branch : branch.withValue(value);
        }
        Node child = branch.children[key[pos]];
        Node updated = put(child, key, pos + 1, value);
        yield updated == child ? branch : branch.withChild(key[pos], updated);
      }
    };
  }

  private Node putIntoLeaf(LeafNode leaf, byte[] key, int pos, Bytes value) {
    int match = Nibbles.commonPrefix(leaf.path, key, pos);
    if (match == leaf.path.length && pos + match == key.length) {
      return leaf.value.equals(value) ? leaf : new LeafNode(leaf.path, value);
    }
    Node[] children = BranchNode.emptyChildren();
    Bytes branchValue = Bytes.EMPTY;
    if (match == leaf.path.length) {
      branchValue = leaf.value;
    } else {
      children[leaf.path[match]] =
          new LeafNode(Arrays.copyOfRange(leaf.path, match + 1, leaf.path.length), leaf.value);
    }
    branchValue = placeNewKey(children, branchValue, key, pos + match, value);
    return withPrefix(leaf.path, match, new BranchNode(children, branchValue));
  }

  private Node putIntoExtension(ExtensionNode extension, byte[] key, int pos, Bytes value) {
    byte[] path = extension.path;
    int match = Nibbles.commonPrefix(path, key, pos);
    if (match == path.length) {
      Node updated = put(extension.child, key, pos + match, value);
      return updated == extension.child ? extension : new ExtensionNode(path, updated);
    }
    Node[] children = BranchNode.emptyChildren();
    children[path[match]] =
        match + 1 == path.length
            ? extension.child
            : new ExtensionNode(Arrays.copyOfRange(path, match + 1, path.length), extension.child);
    Bytes branchValue = placeNewKey(children, Bytes.EMPTY, key, pos + match, value);
    return withPrefix(path, match, new BranchNode(children, branchValue));
  }

  /** Puts the new key (whose path continues at {@code pos}) into a fresh branch. */
  private static Bytes placeNewKey(
      Node[] children, Bytes branchValue, byte[] key, int pos, Bytes value) {
    if (pos == key.length) {
      return value;
    }
    children[key[pos]] = new LeafNode(Arrays.copyOfRange(key, pos + 1, key.length), value);
    return branchValue;
  }

  private static Node withPrefix(byte[] path, int length, BranchNode branch) {
    return length == 0 ? branch : new ExtensionNode(Arrays.copyOf(path, length), branch);
  }

  /** {@code node} without {@code key[pos ..]}; the same node if the key is absent. */
  Node delete(Node node, byte[] key, int pos) {
    return switch (node) {
      case EmptyNode empty -> empty;
      case StoredNode stored -> {
        Node resolved = resolver.resolve(stored);
        Node updated = delete(resolved, key, pos);
        yield updated == resolved ? stored : updated;
      }
      case LeafNode leaf -> Nibbles.equalsRest(key, pos, leaf.path) ? EmptyNode.INSTANCE : leaf;
      case ExtensionNode extension -> {
        if (!Nibbles.startsWith(key, pos, extension.path)) {
          yield extension;
        }
        Node updated = delete(extension.child, key, pos + extension.path.length);
        yield updated == extension.child ? extension : joinPath(extension.path, updated);
      }
      case BranchNode branch -> {
        if (pos == key.length) {
          yield branch.value.isEmpty() ? branch : collapse(branch.withValue(Bytes.EMPTY));
        }
        Node child = branch.children[key[pos]];
        Node updated = delete(child, key, pos + 1);
        yield updated == child ? branch : collapse(branch.withChild(key[pos], updated));
      }
    };
  }

  /** The canonical form of a branch that may have been left with a single entry. */
  private Node collapse(BranchNode branch) {
    int count = branch.childCount();
    boolean hasValue = !branch.value.isEmpty();
    if (count + (hasValue ? 1 : 0) >= 2) {
      return branch;
    }
    if (count == 0) {
      return hasValue ? new LeafNode(Nibbles.EMPTY, branch.value) : EmptyNode.INSTANCE;
    }
    int nibble = 0;
    while (branch.children[nibble] == EmptyNode.INSTANCE) {
      nibble++;
    }
    return joinPath(new byte[] {(byte) nibble}, branch.children[nibble]);
  }

  /** {@code path} followed by {@code node}, merged into one leaf or extension where possible. */
  private Node joinPath(byte[] path, Node node) {
    return switch (resolver.resolve(node)) {
      case EmptyNode empty -> empty;
      case LeafNode leaf -> new LeafNode(Nibbles.concat(path, leaf.path), leaf.value);
      case ExtensionNode extension ->
          new ExtensionNode(Nibbles.concat(path, extension.path), extension.child);
      case BranchNode branch -> new ExtensionNode(path, node);
      case StoredNode stored -> throw new IllegalStateException("resolve returned a stored node");
    };
  }
}
