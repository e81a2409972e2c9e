package io.paraseq.batcher.derive;

import io.paraseq.batcher.l1.L1TransactionData;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.batch.BatchDecodeResult;
import io.paraseq.protocol.batch.BatchDecoder;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.batch.BatchSenders;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one {@code BatchAppended} event and the L1 transaction that emitted it into the batch's
 * blocks, checking every link between them: the transaction is a direct {@code appendBatch} call to
 * the Rollup whose arguments are the event's, keccak256 of its data is the event's data hash, the
 * header's hash is the event's batch hash, the data decodes strictly ({@link BatchDecoder}, with
 * this chain's id and the address registry of the batches before it) to exactly the header's block
 * range and deposit cursor, the deposit cursor stays 0 (deposits do not exist yet), and every
 * sender a v1 or v2 batch claims is the signer. Stateless and thread-safe; all L1 reading is the
 * caller's.
 */
public final class BatchDeriver {

  private final Address rollup;
  private final ChainId chainId;

  /** A deriver for the batches of {@code rollup}, for the L2 chain {@code chainId}. */
  public BatchDeriver(Address rollup, ChainId chainId) {
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.chainId = Objects.requireNonNull(chainId, "chainId");
  }

  /**
   * Derives the batch {@code event} announces from {@code tx}, the transaction that emitted it,
   * decoding against {@code registry} (the address registry after the batch before it; read only).
   */
  public DeriveResult derive(
      BatchAppendedEvent event, L1TransactionData tx, AddressRegistry registry) {
    long seq = event.seq();
    if (!tx.to().equals(Optional.of(rollup))) {
      return rejected(
          DerivationError.UNSUPPORTED_TRANSACTION,
          seq,
          "l1_tx=" + tx.hash() + " to=" + tx.to().map(Address::toString).orElse("(creation)"));
    }
    Optional<AppendBatchInput> decoded = AppendBatchInput.decode(tx.input());
    if (decoded.isEmpty()) {
      return rejected(
          DerivationError.UNSUPPORTED_TRANSACTION,
          seq,
          "l1_tx=" + tx.hash() + " input is not an appendBatch call");
    }
    AppendBatchInput input = decoded.get();
    if (!input.matches(event)) {
      return rejected(
          DerivationError.HEADER_MISMATCH, seq, "l1_tx=" + tx.hash() + " input=" + input.seq());
    }
    Hash dataHash = Hash.keccak(input.data());
    if (!dataHash.equals(event.dataHash())) {
      return rejected(
          DerivationError.DATA_HASH_MISMATCH,
          seq,
          "keccak(data)=" + dataHash + " event=" + event.dataHash());
    }
    DecodedBatch batch;
    switch (BatchDecoder.decode(input.data(), chainId, registry)) {
      case BatchDecodeResult.Decoded<DecodedBatch>(DecodedBatch value) -> batch = value;
      case BatchDecodeResult.Rejected<DecodedBatch>(var failure) -> {
        return new DeriveResult.Rejected(
            DerivationFailure.atBlock(
                DerivationError.UNDECODABLE_DATA, seq, event.firstBlock(), failure.message()));
      }
    }
    BatchHeader header =
        new BatchHeader(
            seq,
            batch.version(),
            batch.codec(),
            event.prevStateRoot(),
            event.newStateRoot(),
            event.firstBlock(),
            event.lastBlock(),
            event.depositCursor(),
            dataHash);
    if (!header.batchHash().equals(event.batchHash())) {
      return rejected(
          DerivationError.BATCH_HASH_MISMATCH,
          seq,
          "header=" + header.batchHash() + " event=" + event.batchHash());
    }
    List<BatchBlock> blocks = batch.blocks();
    if (blocks.getFirst().number() != header.firstBlock()
        || blocks.getLast().number() != header.lastBlock()
        || blocks.getLast().depositCursor() != header.depositCursor()) {
      return new DeriveResult.Rejected(
          DerivationFailure.atBlock(
              DerivationError.BLOCK_RANGE_MISMATCH,
              seq,
              header.firstBlock(),
              "data blocks "
                  + blocks.getFirst().number()
                  + ".."
                  + blocks.getLast().number()
                  + " cursor "
                  + blocks.getLast().depositCursor()
                  + ", header "
                  + header.firstBlock()
                  + ".."
                  + header.lastBlock()
                  + " cursor "
                  + header.depositCursor()));
    }
    for (BatchBlock block : blocks) {
      if (block.depositCursor() != 0) {
        return new DeriveResult.Rejected(
            DerivationFailure.atBlock(
                DerivationError.DEPOSITS_UNSUPPORTED,
                seq,
                block.number(),
                "deposit cursor " + block.depositCursor()));
      }
    }
    Optional<BatchSenders.Mismatch> mismatch = BatchSenders.verify(batch);
    if (mismatch.isPresent()) {
      BatchSenders.Mismatch m = mismatch.get();
      return new DeriveResult.Rejected(
          DerivationFailure.atBlock(
              DerivationError.SENDER_MISMATCH,
              seq,
              blockOf(blocks, m.index()),
              "transaction "
                  + m.index()
                  + " claims "
                  + m.claimed()
                  + ", signed by "
                  + m.recovered().map(Address::toString).orElse("nobody")));
    }
    return new DeriveResult.Derived(new DerivedBatch(header, batch, event));
  }

  /** The number of the block holding the batch's {@code index}-th transaction. */
  private static long blockOf(List<BatchBlock> blocks, int index) {
    int seen = 0;
    for (BatchBlock block : blocks) {
      seen += block.transactions().size();
      if (index < seen) {
        return block.number();
      }
    }
    return blocks.getLast().number();
  }

  private static DeriveResult rejected(DerivationError reason, long seq, String detail) {
    return new DeriveResult.Rejected(DerivationFailure.of(reason, seq, detail));
  }
}
