package io.paraseq.protocol.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionDecoder;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Transactions and receipts roots against the ethereum/tests Cancun fixture and a hand-made trie.
 */
class OrderedRootsTest {

  private static final List<Bytes> RAW_TXS =
      CancunFixture.rawTransactionsOf(CancunFixture.BLOCK_1_RLP);

  @Test
  void emptyListsHaveTheEmptyRoot() {
    assertThat(OrderedRoots.transactionsRoot(List.of())).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(OrderedRoots.receiptsRoot(List.of())).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(OrderedRoots.of(List.of())).isEqualTo(MerkleTrie.EMPTY_ROOT);
  }

  @Test
  void theFixtureTransactionsHaveTheFixtureTransactionsRoot() {
    assertThat(RAW_TXS).hasSize(4);
    assertThat(OrderedRoots.of(RAW_TXS))
        .isEqualTo(Hash.fromHex(CancunFixture.BLOCK_1_TRANSACTIONS_ROOT));
  }

  @Test
  void decodedTransactionsStoreExactlyTheirRawForm() {
    // types 0, 1 and 2 decode; the blob transaction (type 3) is not supported by Paraseq
    for (int i = 0; i < 3; i++) {
      Transaction tx = TransactionDecoder.decode(RAW_TXS.get(i)).orElseThrow();
      assertThat(tx.encoded()).isEqualTo(RAW_TXS.get(i));
    }
    List<Transaction> supported =
        RAW_TXS.subList(0, 3).stream()
            .map(raw -> TransactionDecoder.decode(raw).orElseThrow())
            .toList();
    assertThat(OrderedRoots.transactionsRoot(supported))
        .isEqualTo(OrderedRoots.of(RAW_TXS.subList(0, 3)));
  }

  @Test
  void theFixtureReceiptsHaveTheFixtureReceiptsRoot() {
    // four successful 21,000-gas transfers of types 0, 1, 2, 3 without logs (gasUsed 0x014820)
    List<Receipt> modelled =
        List.of(
            Receipt.of(TransactionType.LEGACY, ReceiptStatus.SUCCESS, 21_000, List.of()),
            Receipt.of(TransactionType.ACCESS_LIST, ReceiptStatus.SUCCESS, 42_000, List.of()),
            Receipt.of(TransactionType.DYNAMIC_FEE, ReceiptStatus.SUCCESS, 63_000, List.of()));
    Bytes blobReceipt =
        Bytes.fromHex("0x03")
            .concat(
                Receipt.of(TransactionType.LEGACY, ReceiptStatus.SUCCESS, 84_000, List.of())
                    .encoded());
    List<Bytes> all = new ArrayList<>(modelled.stream().map(Receipt::encoded).toList());
    all.add(blobReceipt);
    assertThat(OrderedRoots.of(all)).isEqualTo(Hash.fromHex(CancunFixture.BLOCK_1_RECEIPTS_ROOT));
    assertThat(OrderedRoots.receiptsRoot(modelled)).isEqualTo(OrderedRoots.of(all.subList(0, 3)));
  }

  @Property(tries = 200)
  void receiptsRootIsTheTrieOfRlpIndexToEncodedReceipt(
      @ForAll("receiptLists") List<Receipt> receipts) {
    MerkleTrie trie = MerkleTrie.empty();
    for (int i = 0; i < receipts.size(); i++) {
      trie.put(rlpOf(i), receipts.get(i).encoded());
    }
    assertThat(OrderedRoots.receiptsRoot(receipts)).isEqualTo(trie.rootHash());
  }

  @Property(tries = 100)
  void transactionsRootIsTheTrieOfRlpIndexToEncodedTransaction(
      @ForAll("depositLists") List<Transaction> transactions) {
    MerkleTrie trie = MerkleTrie.empty();
    for (int i = 0; i < transactions.size(); i++) {
      trie.put(rlpOf(i), transactions.get(i).encoded());
    }
    assertThat(OrderedRoots.transactionsRoot(transactions)).isEqualTo(trie.rootHash());
  }

  @Provide
  Arbitrary<List<Receipt>> receiptLists() {
    return BlockArbitraries.receipts().list().ofMaxSize(140);
  }

  @Provide
  Arbitrary<List<Transaction>> depositLists() {
    return BlockArbitraries.deposits().list().ofMaxSize(140);
  }

  /** rlp(i) written out by hand: 0 → 0x80, 1..127 → itself, 128..255 → 0x81 i, else 0x82 hi lo. */
  private static Bytes rlpOf(int i) {
    if (i == 0) {
      return Bytes.fromHex("0x80");
    }
    if (i < 0x80) {
      return Bytes.of((byte) i);
    }
    if (i < 0x100) {
      return Bytes.of((byte) 0x81, (byte) i);
    }
    return Bytes.of((byte) 0x82, (byte) (i >>> 8), (byte) i);
  }
}
