package io.paraseq.protocol.block;

import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;

/**
 * Roots of the ordered tries a header commits to: a Merkle-Patricia trie mapping {@code rlp(index)}
 * to the consensus encoding of the item at that index. Transactions are stored as their network
 * form ({@link Transaction#encoded()}: the RLP list for legacy, the EIP-2718 envelope {@code type
 * || payload} otherwise) and receipts as {@link Receipt#encoded()}. An empty list has {@link
 * MerkleTrie#EMPTY_ROOT}.
 */
public final class OrderedRoots {

  private OrderedRoots() {}

  /** The transactions root of {@code transactions}, in block order. */
  public static Hash transactionsRoot(List<? extends Transaction> transactions) {
    MerkleTrie trie = MerkleTrie.empty();
    RlpWriter key = new RlpWriter();
    for (int i = 0; i < transactions.size(); i++) {
      trie.put(indexKey(key, i), transactions.get(i).encoded());
    }
    return trie.rootHash();
  }

  /** The receipts root of {@code receipts}, in block order. */
  public static Hash receiptsRoot(List<Receipt> receipts) {
    MerkleTrie trie = MerkleTrie.empty();
    RlpWriter key = new RlpWriter();
    for (int i = 0; i < receipts.size(); i++) {
      trie.put(indexKey(key, i), receipts.get(i).encoded());
    }
    return trie.rootHash();
  }

  /** The root of already-encoded items, in order: for items this package cannot model. */
  public static Hash of(List<Bytes> encodedItems) {
    MerkleTrie trie = MerkleTrie.empty();
    RlpWriter key = new RlpWriter();
    for (int i = 0; i < encodedItems.size(); i++) {
      trie.put(indexKey(key, i), encodedItems.get(i));
    }
    return trie.rootHash();
  }

  /**
   * {@code rlp(index)}: 0 is {@code 0x80}, 1..127 a single byte, larger a length-prefixed string.
   */
  private static Bytes indexKey(RlpWriter writer, int index) {
    writer.reset();
    return writer.writeLong(index).toBytes();
  }
}
