package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Ordered key search: the next key after, or the previous key before, a given key (which need not
 * be in the trie). Keys order as unsigned bytes, a key before its extensions, which is the order of
 * their nibble paths. One search per instance; used by the owner thread of the trie.
 */
final class TrieCursor {

  private final NodeResolver resolver;

  /** Nibbles of the path from the root to the node being visited. */
  private byte[] prefix = new byte[64];

  private int prefixLength;

  TrieCursor(NodeResolver resolver) {
    this.resolver = resolver;
  }

  /** The smallest key in {@code root} greater than {@code target}. */
  Optional<Bytes> next(Node root, byte[] target) {
    return next(root, target, 0) ? Optional.of(currentKey()) : Optional.empty();
  }

  /** The greatest key in {@code root} smaller than {@code target}. */
  Optional<Bytes> previous(Node root, byte[] target) {
    return previous(root, target, 0) ? Optional.of(currentKey()) : Optional.empty();
  }

  private boolean next(Node node, byte[] target, int pos) {
    int mark = prefixLength;
    boolean found =
        switch (resolver.resolve(node)) {
          case EmptyNode empty -> false;
          case LeafNode leaf -> compare(leaf.path, target, pos) > 0 && push(leaf.path);
          case ExtensionNode extension -> {
            int order = compareSegment(extension.path, target, pos);
            if (order < 0) {
              yield false;
            }
            push(extension.path);
            yield order > 0
                ? first(extension.child)
                : next(extension.child, target, pos + extension.path.length);
          }
          case BranchNode branch -> {
            int from = 0;
            if (pos < target.length) {
              int nibble = target[pos];
              pushNibble(nibble);
              if (next(branch.children[nibble], target, pos + 1)) {
                yield true;
              }
              prefixLength = mark;
              from = nibble + 1;
            }
            yield firstChildFrom(branch, from);
          }
          case StoredNode stored -> throw new IllegalStateException("unresolved");
        };
    if (!found) {
      prefixLength = mark;
    }
    return found;
  }

  private boolean previous(Node node, byte[] target, int pos) {
    int mark = prefixLength;
    boolean found =
        switch (resolver.resolve(node)) {
          case EmptyNode empty -> false;
          case LeafNode leaf -> compare(leaf.path, target, pos) < 0 && push(leaf.path);
          case ExtensionNode extension -> {
            int order = compareSegment(extension.path, target, pos);
            if (order > 0) {
              yield false;
            }
            push(extension.path);
            yield order < 0
                ? last(extension.child)
                : previous(extension.child, target, pos + extension.path.length);
          }
          case BranchNode branch -> {
            if (pos == target.length) {
              yield false;
            }
            int nibble = target[pos];
            pushNibble(nibble);
            if (previous(branch.children[nibble], target, pos + 1)) {
              yield true;
            }
            prefixLength = mark;
            yield lastChildBefore(branch, nibble) || !branch.value.isEmpty();
          }
          case StoredNode stored -> throw new IllegalStateException("unresolved");
        };
    if (!found) {
      prefixLength = mark;
    }
    return found;
  }

  /** Moves to the smallest key of {@code node}'s subtree; false if it is empty. */
  private boolean first(Node node) {
    return switch (resolver.resolve(node)) {
      case EmptyNode empty -> false;
      case LeafNode leaf -> push(leaf.path);
      case ExtensionNode extension -> push(extension.path) && first(extension.child);
      case BranchNode branch -> !branch.value.isEmpty() || firstChildFrom(branch, 0);
      case StoredNode stored -> throw new IllegalStateException("unresolved");
    };
  }

  /** Moves to the greatest key of {@code node}'s subtree; false if it is empty. */
  private boolean last(Node node) {
    return switch (resolver.resolve(node)) {
      case EmptyNode empty -> false;
      case LeafNode leaf -> push(leaf.path);
      case ExtensionNode extension -> push(extension.path) && last(extension.child);
      case BranchNode branch ->
          lastChildBefore(branch, BranchNode.WIDTH) || !branch.value.isEmpty();
      case StoredNode stored -> throw new IllegalStateException("unresolved");
    };
  }

  private boolean firstChildFrom(BranchNode branch, int from) {
    for (int i = from; i < BranchNode.WIDTH; i++) {
      if (branch.children[i] != EmptyNode.INSTANCE) {
        pushNibble(i);
        return first(branch.children[i]);
      }
    }
    return false;
  }

  private boolean lastChildBefore(BranchNode branch, int bound) {
    for (int i = bound - 1; i >= 0; i--) {
      if (branch.children[i] != EmptyNode.INSTANCE) {
        pushNibble(i);
        return last(branch.children[i]);
      }
    }
    return false;
  }

  /** Order of {@code path} against the whole remainder {@code target[pos ..]}. */
  private static int compare(byte[] path, byte[] target, int pos) {
    return Arrays.compare(path, 0, path.length, target, pos, target.length);
  }

  /**
   * Order of the keys under an extension with {@code path} against {@code target[pos ..]}: 0 when
   * the target continues through the extension, else the sign for all keys below it.
   */
  private static int compareSegment(byte[] path, byte[] target, int pos) {
    int overlap = Math.min(path.length, target.length - pos);
    int order = Arrays.compare(path, 0, overlap, target, pos, pos + overlap);
    if (order != 0) {
      return order;
    }
    return overlap == path.length ? 0 : 1;
  }

  private boolean push(byte[] path) {
    ensure(path.length);
    System.arraycopy(path, 0, prefix, prefixLength, path.length);
    prefixLength += path.length;
    return true;
  }

  private void pushNibble(int nibble) {
    ensure(1);
    prefix[prefixLength++] = (byte) nibble;
  }

  private void ensure(int extra) {
    if (prefixLength + extra > prefix.length) {
      prefix = Arrays.copyOf(prefix, Math.max(prefixLength + extra, prefix.length * 2));
    }
  }

  private Bytes currentKey() {
    return Nibbles.toBytes(prefix, prefixLength);
  }
}
