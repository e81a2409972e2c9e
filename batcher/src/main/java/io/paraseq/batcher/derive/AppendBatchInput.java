package io.paraseq.batcher.derive;

import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The arguments of a direct {@code appendBatch(uint64 seq, bytes32 prevStateRoot, bytes32
 * newStateRoot, uint64 firstBlock, uint64 lastBlock, uint64 depositCursor, bytes data)} call,
 * decoded from an L1 transaction's input.
 *
 * <p>The decoding accepts what the contract's ABI decoder accepts, not only what the batcher
 * writes: the offset of {@code data} may point anywhere inside the input and bytes may follow the
 * data, because a transaction the contract accepted must never be called undecodable here. Numbers
 * wider than 63 bits are refused (the contract's uint64 arguments reject dirty high bytes, and no
 * seq or block reaches 2^63).
 *
 * @param seq the batch sequence number
 * @param prevStateRoot the root the batch builds on
 * @param newStateRoot the root after its last block
 * @param firstBlock its first L2 block
 * @param lastBlock its last L2 block
 * @param depositCursor the deposit queue position after it
 * @param data the posted batch data
 */
public record AppendBatchInput(
    long seq,
    Hash prevStateRoot,
    Hash newStateRoot,
    long firstBlock,
    long lastBlock,
    long depositCursor,
    Bytes data) {

  private static final int SELECTOR = 4;
  private static final int HEAD_WORDS = 7;

  /** Requires every component. */
  public AppendBatchInput {
    Objects.requireNonNull(prevStateRoot, "prevStateRoot");
    Objects.requireNonNull(newStateRoot, "newStateRoot");
    Objects.requireNonNull(data, "data");
  }

  /** Decodes {@code input}, or empty if it is not an {@code appendBatch} call. */
  public static Optional<AppendBatchInput> decode(Bytes input) {
    if (input.length() < SELECTOR + HEAD_WORDS * AbiWords.WORD
        || !input.slice(0, SELECTOR).equals(BatchHeader.APPEND_BATCH_SELECTOR)) {
      return Optional.empty();
    }
    Bytes args = input.slice(SELECTOR, input.length() - SELECTOR);
    OptionalLong seq = AbiWords.uint63(args, 0);
    OptionalLong first = AbiWords.uint63(args, 3L * AbiWords.WORD);
    OptionalLong last = AbiWords.uint63(args, 4L * AbiWords.WORD);
    OptionalLong cursor = AbiWords.uint63(args, 5L * AbiWords.WORD);
    OptionalLong offset = AbiWords.uint63(args, 6L * AbiWords.WORD);
    if (seq.isEmpty()
        || first.isEmpty()
        || last.isEmpty()
        || cursor.isEmpty()
        || offset.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong length = AbiWords.uint63(args, offset.getAsLong());
    if (length.isEmpty()) {
      return Optional.empty();
    }
    long start = offset.getAsLong() + AbiWords.WORD;
    if (length.getAsLong() > args.length() - start) {
      return Optional.empty();
    }
    return Optional.of(
        new AppendBatchInput(
            seq.getAsLong(),
            AbiWords.bytes32(args, AbiWords.WORD).orElseThrow(),
            AbiWords.bytes32(args, 2L * AbiWords.WORD).orElseThrow(),
            first.getAsLong(),
            last.getAsLong(),
            cursor.getAsLong(),
            args.slice((int) start, (int) length.getAsLong())));
  }

  /** Whether every argument but the data is the event's. */
  boolean matches(BatchAppendedEvent event) {
    return seq == event.seq()
        && prevStateRoot.equals(event.prevStateRoot())
        && newStateRoot.equals(event.newStateRoot())
        && firstBlock == event.firstBlock()
        && lastBlock == event.lastBlock()
        && depositCursor == event.depositCursor();
  }
}
