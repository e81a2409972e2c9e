package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * Builds a trie from a flat key/value set in one pass over the sorted keys: every node is made
 * once, in its final shape, without the intermediate nodes that inserting key by key would create.
 * Stateless.
 */
final class FlatTrieBuilder {

  private record Entry(byte[] path, Bytes value) {}

  private FlatTrieBuilder() {}

  /** The root of the trie holding {@code entries}; entries with an empty value are skipped. */
  static Node build(Map<Bytes, Bytes> entries) {
    Entry[] sorted =
        entries.entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .map(e -> new Entry(Nibbles.of(e.getKey()), e.getValue()))
            .sorted(Comparator.comparing(Entry::path, Arrays::compare))
            .toArray(Entry[]::new);
    return sorted.length == 0 ? EmptyNode.INSTANCE : build(sorted, 0, sorted.length, 0);
  }

  private static Node build(Entry[] entries, int from, int to, int depth) {
    byte[] first = entries[from].path();
    if (to - from == 1) {
      return new LeafNode(Arrays.copyOfRange(first, depth, first.length), entries[from].value());
    }
    // Sorted, so the prefix shared by the first and the last key is shared by all.
    byte[] last = entries[to - 1].path();
    int shared = Arrays.mismatch(first, depth, first.length, last, depth, last.length);
    if (shared <= 0) {
      return branch(entries, from, to, depth);
    }
    return new ExtensionNode(
        Arrays.copyOfRange(first, depth, depth + shared),
        branch(entries, from, to, depth + shared));
  }

  private static BranchNode branch(Entry[] entries, int from, int to, int depth) {
    Bytes value = Bytes.EMPTY;
    int i = from;
    if (entries[i].path().length == depth) {
      value = entries[i].value();
      i++;
    }
    Node[] children = BranchNode.emptyChildren();
    while (i < to) {
      int nibble = entries[i].path()[depth];
      int j = i + 1;
      while (j < to && entries[j].path()[depth] == nibble) {
        j++;
      }
      children[nibble] = build(entries, i, j, depth + 1);
      i = j;
    }
    return new BranchNode(children, value);
  }
}
