package io.paraseq.protocol.trie;

/** An extension: a non-empty nibble path shared by every key below, then one child branch. */
final class ExtensionNode extends Node {

  final byte[] path;
  final Node child;

  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }
}
