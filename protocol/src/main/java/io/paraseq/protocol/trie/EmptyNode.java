package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;

/** The empty trie, and an empty branch slot; encoded as the empty string {@code 0x80}. */
final class EmptyNode extends Node {

  static final EmptyNode INSTANCE = new EmptyNode();

  private EmptyNode() {
    ref = Bytes.of((byte) 0x80);
    persisted = true;
  }
}
