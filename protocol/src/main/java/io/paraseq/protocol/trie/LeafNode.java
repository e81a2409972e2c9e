package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;

/** A leaf: the rest of a key's nibble path, and its (non-empty) value. */
final class LeafNode extends Node {

  final byte[] path;
  final Bytes value;

  LeafNode(byte[] path, Bytes value) {
    this.path = path;
    this.value = value;
  }
}
