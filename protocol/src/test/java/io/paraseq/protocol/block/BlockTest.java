package io.paraseq.protocol.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionDecoder;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Block encoding, strict decoding and the root check. */
class BlockTest {

  @Test
  void theFixtureGenesisBlockDecodes() {
    Block genesis = Block.decode(CancunFixture.GENESIS_BLOCK_RLP).orElseThrow();
    assertThat(genesis.transactions()).isEmpty();
    assertThat(genesis.hash()).isEqualTo(Hash.fromHex(CancunFixture.GENESIS_HASH));
    assertThat(genesis.encoded()).isEqualTo(CancunFixture.GENESIS_BLOCK_RLP);
  }

  @Test
  void aBlockWithABlobTransactionIsRejectedWithTheTransactionsReason() {
    BlockDecodeFailure failure =
        Block.decode(CancunFixture.BLOCK_1_RLP).failureIfRejected().orElseThrow();
    assertThat(failure.reason()).isEqualTo(BlockDecodeError.INVALID_TRANSACTION);
    assertThat(failure.detail()).contains("transaction 3").contains("TYPE_NOT_SUPPORTED");
  }

  @Test
  void theFixtureBlockWithoutItsBlobTransactionRoundTrips() {
    BlockHeader fixtureHeader =
        BlockHeader.decode(CancunFixture.headerOf(CancunFixture.BLOCK_1_RLP)).orElseThrow();
    List<Transaction> txs =
        CancunFixture.rawTransactionsOf(CancunFixture.BLOCK_1_RLP).subList(0, 3).stream()
            .map(raw -> TransactionDecoder.decode(raw).orElseThrow())
            .toList();
    Block block = new Block(withTransactionsRoot(fixtureHeader, txs), txs);
    Block decoded = Block.decode(block.encoded()).orElseThrow();
    assertThat(decoded).isEqualTo(block);
    assertThat(decoded.encoded()).isEqualTo(block.encoded());
    // legacy as a list (0xf8..), typed as byte strings (0xb8..) inside the transactions list
    RlpReader reader = RlpReader.of(block.encoded());
    reader.enterList();
    reader.skip();
    reader.enterList();
    assertThat(reader.nextIsList()).isTrue();
    reader.skip();
    assertThat(reader.nextIsList()).isFalse();
  }

  @Test
  void aTransactionsRootThatDoesNotMatchIsRejected() {
    BlockHeader header =
        BlockHeader.decode(CancunFixture.headerOf(CancunFixture.BLOCK_1_RLP)).orElseThrow();
    Block block = new Block(header, List.of());
    assertThat(block.transactionsRootMatches()).isFalse();
    assertThat(Block.decode(block.encoded()).failureIfRejected().orElseThrow().reason())
        .isEqualTo(BlockDecodeError.TRANSACTIONS_ROOT_MISMATCH);
  }

  @Test
  void ommersAndWithdrawalsMustBeEmpty() {
    Bytes header = CancunFixture.headerOf(CancunFixture.GENESIS_BLOCK_RLP);
    Bytes withOmmer =
        new RlpWriter()
            .startList()
            .writeEncoded(header)
            .startList()
            .endList()
            .startList()
            .writeEncoded(header)
            .endList()
            .startList()
            .endList()
            .endList()
            .toBytes();
    assertThat(Block.decode(withOmmer).failureIfRejected().orElseThrow().reason())
        .isEqualTo(BlockDecodeError.OMMERS_NOT_EMPTY);
    Bytes withWithdrawal =
        new RlpWriter()
            .startList()
            .writeEncoded(header)
            .startList()
            .endList()
            .startList()
            .endList()
            .startList()
            .startList()
            .writeLong(0)
            .endList()
            .endList()
            .endList()
            .toBytes();
    assertThat(Block.decode(withWithdrawal).failureIfRejected().orElseThrow().reason())
        .isEqualTo(BlockDecodeError.WITHDRAWALS_NOT_EMPTY);
    Bytes threeFields =
        new RlpWriter()
            .startList()
            .writeEncoded(header)
            .startList()
            .endList()
            .startList()
            .endList()
            .endList()
            .toBytes();
    assertThat(Block.decode(threeFields).failureIfRejected().orElseThrow().reason())
        .isEqualTo(BlockDecodeError.WRONG_FIELD_COUNT);
  }

  @Property(tries = 200)
  void decodingAnEncodingGivesTheBlockBack(@ForAll("blocks") Block block) {
    Block decoded = Block.decode(block.encoded()).orElseThrow();
    assertThat(decoded).isEqualTo(block);
    assertThat(decoded.hash()).isEqualTo(block.header().hash());
  }

  @Provide
  Arbitrary<Block> blocks() {
    return BlockArbitraries.blocks();
  }

  private static BlockHeader withTransactionsRoot(BlockHeader h, List<Transaction> txs) {
    return new BlockHeader(
        h.parentHash(),
        h.ommersHash(),
        h.beneficiary(),
        h.stateRoot(),
        OrderedRoots.transactionsRoot(txs),
        h.receiptsRoot(),
        h.logsBloom(),
        h.difficulty(),
        h.number(),
        h.gasLimit(),
        h.gasUsed(),
        h.timestamp(),
        h.extraData(),
        h.mixHash(),
        h.nonce(),
        h.baseFeePerGas(),
        h.withdrawalsRoot(),
        h.blobGasUsed(),
        h.excessBlobGas(),
        h.parentBeaconBlockRoot());
  }
}
