package io.paraseq.protocol.trie;

import io.paraseq.protocol.rlp.Rlp;
import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpItem;
import io.paraseq.protocol.rlp.RlpList;
import io.paraseq.protocol.rlp.RlpString;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;

/**
 * Decodes node encodings (from a store or a proof) into nodes. Children referenced by hash become
 * {@link StoredNode}s; inline children are decoded in place. Decoded nodes carry their reference
 * and count as persisted.
 *
 * <p>Only canonical nodes are accepted: strict RLP, a 2-item leaf/extension or 17-item branch,
 * valid hex-prefix paths, non-empty leaf values and extension paths, inline children shorter than
 * 32 bytes. Anything else throws {@link MalformedNodeException}. Stateless.
 */
final class NodeDecoder {

  private NodeDecoder() {}

  /** Decodes the top-level node {@code encoded} (the empty string is the empty trie). */
  static Node decode(Bytes encoded) {
    RlpItem item;
    try {
      item = Rlp.decode(encoded);
    } catch (RlpException e) {
      throw new MalformedNodeException("not RLP: " + e.getMessage());
    }
    if (item instanceof RlpString string) {
      if (string.bytes().isEmpty()) {
        return EmptyNode.INSTANCE;
      }
      throw new MalformedNodeException("a node is a list or the empty string");
    }
    Node node = decodeList((RlpList) item);
    node.ref = encoded.length() < Node.HASH_LENGTH ? encoded : Hash.keccak(encoded).bytes();
    node.persisted = true;
    return node;
  }

  private static Node decodeList(RlpList list) {
    List<RlpItem> items = list.items();
    if (items.size() == 2) {
      Nibbles.Decoded path = Nibbles.decodeHexPrefix(string(items.get(0)));
      if (path.leaf()) {
        Bytes value = string(items.get(1));
        if (value.isEmpty()) {
          throw new MalformedNodeException("leaf with an empty value");
        }
        return new LeafNode(path.path(), value);
      }
      if (path.path().length == 0) {
        throw new MalformedNodeException("extension with an empty path");
      }
      Node child = child(items.get(1));
      if (child == EmptyNode.INSTANCE) {
        throw new MalformedNodeException("extension without a child");
      }
      return new ExtensionNode(path.path(), child);
    }
    if (items.size() == BranchNode.WIDTH + 1) {
      Node[] children = new Node[BranchNode.WIDTH];
      for (int i = 0; i < BranchNode.WIDTH; i++) {
        children[i] = child(items.get(i));
      }
      return new BranchNode(children, string(items.get(BranchNode.WIDTH)));
    }
    throw new MalformedNodeException("a node has 2 or 17 items, not " + items.size());
  }

  private static Node child(RlpItem item) {
    return switch (item) {
      case RlpString(Bytes bytes) when bytes.isEmpty() -> EmptyNode.INSTANCE;
      case RlpString(Bytes bytes) when bytes.length() == Node.HASH_LENGTH ->
          new StoredNode(Hash.of(bytes));
      case RlpString(Bytes bytes) ->
          throw new MalformedNodeException("child reference of " + bytes.length() + " bytes");
      case RlpList inline -> {
        Bytes encoded = Rlp.encode(inline);
        if (encoded.length() >= Node.HASH_LENGTH) {
          throw new MalformedNodeException("inline child of " + encoded.length() + " bytes");
        }
        Node node = decodeList(inline);
        node.ref = encoded;
        node.persisted = true;
        yield node;
      }
    };
  }

  private static Bytes string(RlpItem item) {
    if (item instanceof RlpString(Bytes bytes)) {
      return bytes;
    }
    throw new MalformedNodeException("expected a string, found a list");
  }
}
