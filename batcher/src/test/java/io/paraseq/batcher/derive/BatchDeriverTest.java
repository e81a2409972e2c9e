package io.paraseq.batcher.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.batcher.build.SealedBlock;
import io.paraseq.batcher.l1.L1TransactionData;
import io.paraseq.batcher.l1.RollupCalls;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.batch.BatchEncoder;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every link between an event, its L1 transaction and the decoded blocks. */
class BatchDeriverTest {

  private final MemoryBlocks chain = new MemoryBlocks(3);
  private final PostedBatches.Posted posted =
      PostedBatches.batch(chain, 0, MemoryBlocks.root(0), 3);
  private final BatchDeriver deriver = new BatchDeriver(PostedBatches.ROLLUP, MemoryBlocks.CHAIN);

  @Test
  void derivesTheBlocksTheBatcherPosted() {
    DeriveResult result =
        deriver.derive(posted.event(5), posted.transaction(), AddressRegistry.empty());
    DerivedBatch batch = ((DeriveResult.Derived) result).batch();
    assertThat(batch.header()).isEqualTo(posted.header());
    assertThat(batch.batch().blocks())
        .isEqualTo(posted.blocks().stream().map(SealedBlock::toBatchBlock).toList());
    assertThat(batch.batch().registryAppends()).isEqualTo(posted.registryAppends()).isNotEmpty();
  }

  @Test
  void aBatchThatReferencesTheRegistryDecodesOnlyAgainstTheRegistryOfTheBatchesBefore() {
    AddressRegistry registry = AddressRegistry.of(posted.registryAppends());
    PostedBatches.Posted second =
        PostedBatches.batch(chain, 1, posted.header().newStateRoot(), 2, registry);

    DeriveResult result = deriver.derive(second.event(6), second.transaction(), registry);
    DerivedBatch batch = ((DeriveResult.Derived) result).batch();
    assertThat(batch.batch().blocks())
        .isEqualTo(second.blocks().stream().map(SealedBlock::toBatchBlock).toList());
    assertThat(batch.batch().registryAppends()).isEqualTo(second.registryAppends());
    assertThat(batch.batch().registryAppends())
        .doesNotContainAnyElementsOf(posted.registryAppends());

    DeriveResult cold =
        deriver.derive(second.event(6), second.transaction(), AddressRegistry.empty());
    assertThat(((DeriveResult.Rejected) cold).failure().reason())
        .isEqualTo(DerivationError.UNDECODABLE_DATA);
  }

  @Test
  void aCallToAnotherContractOrNotAppendBatchIsUnsupported() {
    L1TransactionData tx = posted.transaction();
    L1TransactionData elsewhere =
        new L1TransactionData(tx.hash(), tx.from(), Optional.of(PostedBatches.SENDER), tx.input());
    L1TransactionData notACall =
        new L1TransactionData(tx.hash(), tx.from(), tx.to(), Bytes.of((byte) 1, (byte) 2));
    assertThat(failure(posted.event(5), elsewhere).reason())
        .isEqualTo(DerivationError.UNSUPPORTED_TRANSACTION);
    assertThat(failure(posted.event(5), notACall).reason())
        .isEqualTo(DerivationError.UNSUPPORTED_TRANSACTION);
  }

  @Test
  void argumentsOtherThanTheEventsAreAHeaderMismatch() {
    BatchAppendedEvent event = posted.event(5);
    BatchAppendedEvent otherRoot =
        new BatchAppendedEvent(
            event.seq(),
            event.batchHash(),
            event.prevStateRoot(),
            Hash.keccak(Bytes.of((byte) 3)),
            event.firstBlock(),
            event.lastBlock(),
            event.depositCursor(),
            event.dataHash(),
            5,
            event.l1TxHash(),
            0);
    assertThat(failure(otherRoot, posted.transaction()).reason())
        .isEqualTo(DerivationError.HEADER_MISMATCH);
  }

  @Test
  void dataAndBatchHashesMustBeTheEvents() {
    BatchAppendedEvent event = posted.event(5);
    BatchAppendedEvent otherData =
        new BatchAppendedEvent(
            event.seq(),
            event.batchHash(),
            event.prevStateRoot(),
            event.newStateRoot(),
            event.firstBlock(),
            event.lastBlock(),
            event.depositCursor(),
            Hash.keccak(Bytes.of((byte) 4)),
            5,
            event.l1TxHash(),
            0);
    BatchAppendedEvent otherBatch =
        new BatchAppendedEvent(
            event.seq(),
            Hash.keccak(Bytes.of((byte) 5)),
            event.prevStateRoot(),
            event.newStateRoot(),
            event.firstBlock(),
            event.lastBlock(),
            event.depositCursor(),
            event.dataHash(),
            5,
            event.l1TxHash(),
            0);
    assertThat(failure(otherData, posted.transaction()).reason())
        .isEqualTo(DerivationError.DATA_HASH_MISMATCH);
    assertThat(failure(otherBatch, posted.transaction()).reason())
        .isEqualTo(DerivationError.BATCH_HASH_MISMATCH);
  }

  @Test
  void corruptDataIsUndecodableAtTheFirstBlock() {
    Bytes truncated = posted.data().slice(0, posted.data().length() - 6);
    DerivationFailure failure = failureOf(posted.blocks(), truncated, 0);
    assertThat(failure.reason()).isEqualTo(DerivationError.UNDECODABLE_DATA);
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(1));
  }

  @Test
  void blocksOutsideTheHeadersRangeAreAMismatch() {
    List<BatchBlock> blocks = posted.blocks().stream().map(SealedBlock::toBatchBlock).toList();
    Bytes data = BatchEncoder.encodeV0(blocks, Codec.ZSTD, 3);
    // The header claims one block more than the data holds.
    BatchHeader header =
        new BatchHeader(
            0,
            posted.header().version(),
            Codec.ZSTD,
            posted.header().prevStateRoot(),
            posted.header().newStateRoot(),
            1,
            4,
            0,
            Hash.keccak(data));
    assertThat(derive(header, data).reason()).isEqualTo(DerivationError.BLOCK_RANGE_MISMATCH);
  }

  @Test
  void aMovingDepositCursorIsRefused() {
    List<BatchBlock> blocks = new ArrayList<>();
    for (SealedBlock block : posted.blocks()) {
      blocks.add(
          new BatchBlock(
              block.number(),
              block.timestamp(),
              block.number() == 3 ? 1 : 0,
              block.l1BaseFee(),
              block.transactions()));
    }
    Bytes data = BatchEncoder.encodeV0(blocks, Codec.ZSTD, 3);
    BatchHeader header =
        BatchHeader.of(
            0, posted.header().prevStateRoot(), posted.header().newStateRoot(), blocks, data);
    DerivationFailure failure = derive(header, data);
    assertThat(failure.reason()).isEqualTo(DerivationError.DEPOSITS_UNSUPPORTED);
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(3));
  }

  @Test
  void aWrongClaimedSenderNamesItsBlock() {
    List<BatchBlock> blocks = posted.blocks().stream().map(SealedBlock::toBatchBlock).toList();
    List<Address> senders = new ArrayList<>();
    posted.blocks().forEach(block -> senders.addAll(block.senders()));
    int lastOfBlock2 = 5;
    senders.set(lastOfBlock2, Address.fromHex("0x00000000000000000000000000000000000000aa"));
    Bytes data = BatchEncoder.encodeV1(blocks, senders, MemoryBlocks.CHAIN, Codec.ZSTD, 3);
    DerivationFailure failure = failureOf(posted.blocks(), data, 0);
    assertThat(failure.reason()).isEqualTo(DerivationError.SENDER_MISMATCH);
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(2));
  }

  /** The failure of data {@code data} posted honestly (event and call agree) for {@code blocks}. */
  private DerivationFailure failureOf(List<SealedBlock> blocks, Bytes data, long seq) {
    BatchHeader header =
        new BatchHeader(
            seq,
            posted.header().version(),
            posted.header().codec(),
            posted.header().prevStateRoot(),
            blocks.getLast().stateRoot(),
            blocks.getFirst().number(),
            blocks.getLast().number(),
            0,
            Hash.keccak(data));
    return derive(header, data);
  }

  private DerivationFailure derive(BatchHeader header, Bytes data) {
    PostedBatches.Posted tampered = new PostedBatches.Posted(posted.blocks(), data, header);
    L1TransactionData tx =
        new L1TransactionData(
            PostedBatches.TX_HASH,
            PostedBatches.SENDER,
            Optional.of(PostedBatches.ROLLUP),
            RollupCalls.appendBatch(header, data));
    return failure(tampered.event(5), tx);
  }

  private DerivationFailure failure(BatchAppendedEvent event, L1TransactionData tx) {
    DeriveResult result = deriver.derive(event, tx, AddressRegistry.empty());
    assertThat(result).isInstanceOf(DeriveResult.Rejected.class);
    return ((DeriveResult.Rejected) result).failure();
  }
}
