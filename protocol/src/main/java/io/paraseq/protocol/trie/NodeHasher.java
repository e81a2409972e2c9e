package io.paraseq.protocol.trie;

import io.paraseq.protocol.crypto.Keccak256;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes and hashes nodes bottom-up, filling their cached {@link Node#ref references}; nodes that
 * already have one are not visited again, so after a batch of updates only the new nodes are
 * encoded and hashed.
 *
 * <p>One {@link RlpWriter}, one digest buffer and one scratch buffer are reused for every node, so
 * hashing allocates only the references it produces. A branch's children are reached through its
 * {@link BranchNode#childRefs} memo, so clean children are not even read. Not thread-safe: each
 * hashing thread has its own hasher.
 */
final class NodeHasher {

  private final RlpWriter writer = new RlpWriter();
  private final byte[] digestOut = new byte[Node.HASH_LENGTH];
  private byte[] scratch = new byte[1024];
  private byte[] pathScratch = new byte[64];

  /**
   * Computes (or returns the cached) reference of {@code node}. When {@code sink} is present, every
   * not yet persisted node reached is also added to it (hash → encoding, for nodes referenced by
   * hash) and marked persisted.
   */
  Bytes ref(Node node, Optional<Map<Hash, Bytes>> sink) {
    boolean collecting = sink.isPresent();
    if (!node.needsVisit(collecting)) {
      return node.ref;
    }
    switch (node) {
      case LeafNode leaf -> {}
      case ExtensionNode extension -> ref(extension.child, sink);
      case BranchNode branch -> {
        for (int i = 0; i < BranchNode.WIDTH; i++) {
          if (collecting || branch.childRefs[i] == null) {
            branch.childRefs[i] = ref(branch.children[i], sink);
          }
        }
      }
      case EmptyNode empty -> throw new IllegalStateException("the empty node is always hashed");
      case StoredNode stored -> throw new IllegalStateException("stored nodes are always hashed");
    }
    int length = encodeToScratch(node);
    if (node.ref == null) {
      node.ref = length < Node.HASH_LENGTH ? Bytes.of(scratch, 0, length) : keccak(length);
    }
    if (collecting) {
      if (node.ref.length() == Node.HASH_LENGTH) {
        sink.get().put(Hash.of(node.ref), Bytes.of(scratch, 0, length));
      }
      node.persisted = true;
    }
    return node.ref;
  }

  /** The RLP encoding of {@code node}, whose children must already have references. */
  Bytes encoding(Node node) {
    if (node instanceof EmptyNode) {
      return node.ref;
    }
    return Bytes.of(scratch, 0, encodeToScratch(node));
  }

  /** Encodes a leaf, extension or branch (children already hashed) into {@link #scratch}. */
  private int encodeToScratch(Node node) {
    writer.reset();
    writer.startList();
    switch (node) {
      case LeafNode leaf -> {
        writePath(leaf.path, true);
        writer.writeBytes(leaf.value);
      }
      case ExtensionNode extension -> {
        writePath(extension.path, false);
        writeRef(extension.child.ref);
      }
      case BranchNode branch -> {
        for (int i = 0; i < BranchNode.WIDTH; i++) {
          writeRef(branch.childRef(i));
        }
        writer.writeBytes(branch.value);
      }
      default -> throw new IllegalStateException("not encodable: " + node.getClass());
    }
    writer.endList();
    int length = writer.encodedLength();
    if (length > scratch.length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    writer.writeTo(scratch, 0);
    return length;
  }

  private Bytes keccak(int length) {
    Keccak256.hashInto(scratch, 0, length, digestOut, 0);
    return Bytes.of(digestOut);
  }

  private void writePath(byte[] path, boolean leaf) {
    int needed = Nibbles.hexPrefixLength(path.length);
    if (needed > pathScratch.length) {
      pathScratch = Arrays.copyOf(pathScratch, Math.max(needed, pathScratch.length * 2));
    }
    int length = Nibbles.hexPrefix(path, leaf, pathScratch);
    writer.writeBytes(pathScratch, 0, length);
  }

  private void writeRef(Bytes ref) {
    if (ref == null) {
      throw new IllegalStateException("child not hashed");
    }
    if (ref.length() == Node.HASH_LENGTH) {
      writer.writeBytes(ref);
    } else {
      writer.writeEncoded(ref);
    }
  }
}
