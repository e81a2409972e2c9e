package io.paraseq.sequencer.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The size computed from stored lengths equals the length of the block's real encoding. */
class BlockSizeTest {

  private static final ChainId CHAIN = ChainId.of(3195);
  private static final Address TO = Address.fromHex("0x000000000000000000000000000000000000beef");
  private static final PrivateKey KEY = PrivateKey.of(filled((byte) 0x11)).orElseThrow();

  @Test
  void anEmptyBlock() {
    assertSizeMatches(List.of());
  }

  @Test
  void everyTypeAndDataLengthsAcrossTheRlpLengthBoundaries() {
    List<Transaction> txs = new ArrayList<>();
    int nonce = 0;
    for (int dataLength : new int[] {0, 1, 20, 55, 56, 200, 255, 256, 70_000}) {
      Bytes data = Bytes.of(new byte[dataLength]);
      txs.add(
          sign(
              new LegacyTransaction(
                  nonce++,
                  Wei.of(1),
                  21_000,
                  Optional.of(TO),
                  Wei.of(1),
                  data,
                  Optional.of(CHAIN))));
      txs.add(
          sign(
              new AccessListTransaction(
                  CHAIN, nonce++, Wei.of(1), 21_000, Optional.of(TO), Wei.of(1), data, List.of())));
      txs.add(
          sign(
              new DynamicFeeTransaction(
                  CHAIN,
                  nonce++,
                  Wei.of(1),
                  Wei.of(2),
                  21_000,
                  Optional.of(TO),
                  Wei.of(1),
                  data,
                  List.of())));
      assertSizeMatches(txs);
      assertSizeMatches(List.of(txs.getLast()));
    }
  }

  @Test
  void manySmallTransactions() {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      txs.add(
          sign(
              new DynamicFeeTransaction(
                  CHAIN,
                  i,
                  Wei.of(1),
                  Wei.of(2),
                  21_000,
                  Optional.of(TO),
                  Wei.of(1),
                  Bytes.EMPTY,
                  List.of())));
    }
    assertSizeMatches(txs);
  }

  private static void assertSizeMatches(List<Transaction> txs) {
    Block block = new Block(header(), txs);
    BlockSize size = new BlockSize(block.header().encoded().length());
    for (Transaction tx : txs) {
      size.add(tx.type() == TransactionType.LEGACY, tx.encoded().length());
    }
    assertThat(size.bytes()).isEqualTo(block.encoded().length());
  }

  private static Transaction sign(UnsignedTransaction tx) {
    return TransactionSigner.sign(tx, KEY);
  }

  private static BlockHeader header() {
    return BlockHeader.paraseq(
        Hash.ZERO,
        TO,
        MerkleTrie.EMPTY_ROOT,
        MerkleTrie.EMPTY_ROOT,
        MerkleTrie.EMPTY_ROOT,
        LogsBloom.EMPTY,
        7,
        30_000_000,
        0,
        1_700_000_000L,
        Bytes.EMPTY,
        Hash.ZERO,
        Wei.of(1_000_000_000));
  }

  private static byte[] filled(byte value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
