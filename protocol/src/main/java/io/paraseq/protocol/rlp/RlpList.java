package io.paraseq.protocol.rlp;

import java.util.List;

/**
 * An RLP list.
 *
 * @param items the elements, in order; an unmodifiable copy
 */
public record RlpList(List<RlpItem> items) implements RlpItem {

  /** Copies {@code items} into an unmodifiable list (nulls are rejected). */
  public RlpList {
    items = List.copyOf(items);
  }

  /** The list of {@code items}. */
  public static RlpList of(RlpItem... items) {
    return new RlpList(List.of(items));
  }

  /** Number of elements. */
  public int size() {
    return items.size();
  }

  /** The element at {@code index}. */
  public RlpItem get(int index) {
    return items.get(index);
  }
}
