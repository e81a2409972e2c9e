package io.paraseq.batcher.derive;

import io.paraseq.batcher.build.BatchEncoding;
import io.paraseq.batcher.build.EncodedBatch;
import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.batcher.build.SealedBlock;
import io.paraseq.batcher.l1.L1Log;
import io.paraseq.batcher.l1.L1TransactionData;
import io.paraseq.batcher.l1.RollupCalls;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Batches as the batcher posts them, with the event and the L1 transaction a verifier reads back:
 * blocks of really signed transfers ({@link MemoryBlocks}), encoded by the batcher's encoding, the
 * {@code appendBatch} calldata of {@link RollupCalls}.
 */
final class PostedBatches {

  static final Address ROLLUP = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
  static final Address SENDER = Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  static final Hash TX_HASH = Hash.keccak(Bytes.of((byte) 7));

  private PostedBatches() {}

  /** A posted batch: its blocks, data, header, and what it appends to the address registry. */
  record Posted(
      List<SealedBlock> blocks, Bytes data, BatchHeader header, List<Address> registryAppends) {

    Posted(List<SealedBlock> blocks, Bytes data, BatchHeader header) {
      this(blocks, data, header, List.of());
    }

    /** The event the contract emits for it, in L1 block {@code l1Block}. */
    BatchAppendedEvent event(long l1Block) {
      return new BatchAppendedEvent(
          header.seq(),
          header.batchHash(),
          header.prevStateRoot(),
          header.newStateRoot(),
          header.firstBlock(),
          header.lastBlock(),
          header.depositCursor(),
          header.dataHash(),
          l1Block,
          TX_HASH,
          0);
    }

    /** The L1 transaction: a direct appendBatch call to the Rollup. */
    L1TransactionData transaction() {
      return new L1TransactionData(
          TX_HASH, SENDER, Optional.of(ROLLUP), RollupCalls.appendBatch(header, data));
    }

    /** The raw log of {@link #event}. */
    L1Log log(long l1Block) {
      BatchAppendedEvent e = event(l1Block);
      byte[] words = new byte[6 * 32];
      e.prevStateRoot().bytes().copyTo(words, 0);
      e.newStateRoot().bytes().copyTo(words, 32);
      uint64(words, 64, e.firstBlock());
      uint64(words, 96, e.lastBlock());
      uint64(words, 128, e.depositCursor());
      e.dataHash().bytes().copyTo(words, 160);
      byte[] seq = new byte[32];
      uint64(seq, 0, e.seq());
      return new L1Log(
          ROLLUP,
          List.of(BatchAppendedEvent.TOPIC, Hash.of(Bytes.of(seq)), e.batchHash()),
          Bytes.of(words),
          l1Block,
          Hash.keccak(Bytes.of((byte) 1)),
          TX_HASH,
          0);
    }
  }

  /** Batch {@code seq} of {@code blockCount} blocks of three transfers each, after {@code prev}. */
  static Posted batch(MemoryBlocks chain, long seq, Hash prevRoot, int blockCount) {
    return batch(chain, seq, prevRoot, blockCount, AddressRegistry.empty());
  }

  /** {@link #batch(MemoryBlocks, long, Hash, int)} encoded (v2) against {@code registry}. */
  static Posted batch(
      MemoryBlocks chain, long seq, Hash prevRoot, int blockCount, AddressRegistry registry) {
    List<SealedBlock> blocks = new ArrayList<>();
    for (int i = 0; i < blockCount; i++) {
      blocks.add(chain.seal(1_700_000_000L + chain.head(), 3, 0));
    }
    EncodedBatch encoded = new BatchEncoding(MemoryBlocks.CHAIN).encode(blocks, registry);
    BatchHeader header =
        BatchHeader.of(
            seq, prevRoot, blocks.getLast().stateRoot(), encoded.blocks(), encoded.data());
    return new Posted(blocks, encoded.data(), header, encoded.registryAppends());
  }

  private static void uint64(byte[] out, int offset, long value) {
    for (int i = 0; i < 8; i++) {
      out[offset + 31 - i] = (byte) (value >>> (8 * i));
    }
  }
}
