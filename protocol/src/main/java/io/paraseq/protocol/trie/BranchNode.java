package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import java.util.Arrays;

/**
 * A branch: sixteen children, one per next nibble ({@link EmptyNode#INSTANCE} when absent), and the
 * value of the key that ends here ({@link Bytes#EMPTY} when none).
 */
final class BranchNode extends Node {

  static final int WIDTH = 16;

  /** Never modified after construction. */
  final Node[] children;

  final Bytes value;

  /**
   * Memo of the children's references, so that re-hashing this branch reads one array instead of
   * sixteen child objects; {@code null} where not known yet. Written only by the hasher that owns
   * this node (see {@link Node}); a changed child's slot starts empty again.
   */
  final Bytes[] childRefs;

  BranchNode(Node[] children, Bytes value) {
    this(children, value, new Bytes[WIDTH]);
  }

  private BranchNode(Node[] children, Bytes value, Bytes[] childRefs) {
    this.children = children;
    this.value = value;
    this.childRefs = childRefs;
  }

  /** A branch with no children and no value, to be filled by the caller before sharing. */
  static Node[] emptyChildren() {
    Node[] children = new Node[WIDTH];
    Arrays.fill(children, EmptyNode.INSTANCE);
    return children;
  }

  BranchNode withChild(int nibble, Node child) {
    Node[] copy = children.clone();
    copy[nibble] = child;
    Bytes[] refs = childRefs.clone();
    refs[nibble] = null;
    return new BranchNode(copy, value, refs);
  }

  BranchNode withValue(Bytes newValue) {
    return new BranchNode(children, newValue, childRefs.clone());
  }

  /** The reference of child {@code nibble}, which must have been hashed. */
  Bytes childRef(int nibble) {
    Bytes ref = childRefs[nibble];
    return ref != null ? ref : children[nibble].ref;
  }

  /** Number of non-empty children. */
  int childCount() {
    int count = 0;
    for (Node child : children) {
      if (child != EmptyNode.INSTANCE) {
        count++;
      }
    }
    return count;
  }
}
