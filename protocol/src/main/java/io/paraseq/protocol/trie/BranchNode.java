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

  BranchNode(Node[] children, Bytes value) {
    this.children = children;
    this.value = value;
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
    return new BranchNode(copy, value);
  }

  BranchNode withValue(Bytes newValue) {
    return new BranchNode(children, newValue);
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
