package io.paraseq.batcher.derive;

import io.paraseq.batcher.l1.L1Log;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code Rollup.BatchAppended} event: {@code BatchAppended(uint64 indexed seq, bytes32 indexed
 * batchHash, bytes32 prevStateRoot, bytes32 newStateRoot, uint64 firstBlock, uint64 lastBlock,
 * uint64 depositCursor, bytes32 dataHash)}, with where it was emitted.
 *
 * @param seq the batch sequence number
 * @param batchHash the contract's commitment ({@code batchHashes[seq]})
 * @param prevStateRoot the root the batch builds on
 * @param newStateRoot the root after its last block
 * @param firstBlock its first L2 block
 * @param lastBlock its last L2 block
 * @param depositCursor the deposit queue position after it
 * @param dataHash keccak256 of the posted data
 * @param l1Block the L1 block holding the event
 * @param l1TxHash the L1 transaction that appended the batch
 * @param logIndex the event's position in {@code l1Block}
 */
public record BatchAppendedEvent(
    long seq,
    Hash batchHash,
    Hash prevStateRoot,
    Hash newStateRoot,
    long firstBlock,
    long lastBlock,
    long depositCursor,
    Hash dataHash,
    long l1Block,
    Hash l1TxHash,
    long logIndex) {

  /** The event's first topic: keccak256 of its signature. */
  public static final Hash TOPIC =
      Hash.keccak(
          Bytes.of(
              "BatchAppended(uint64,bytes32,bytes32,bytes32,uint64,uint64,uint64,bytes32)"
                  .getBytes(StandardCharsets.US_ASCII)));

  /** Requires every component. */
  public BatchAppendedEvent {
    Objects.requireNonNull(batchHash, "batchHash");
    Objects.requireNonNull(prevStateRoot, "prevStateRoot");
    Objects.requireNonNull(newStateRoot, "newStateRoot");
    Objects.requireNonNull(dataHash, "dataHash");
    Objects.requireNonNull(l1TxHash, "l1TxHash");
  }

  /**
   * Decodes {@code log}, or empty if it is not a well-formed {@code BatchAppended} log (another
   * event, a wrong number of topics, data of the wrong length, a number wider than 63 bits).
   */
  public static Optional<BatchAppendedEvent> decode(L1Log log) {
    if (log.topics().size() != 3 || !log.topics().getFirst().equals(TOPIC)) {
      return Optional.empty();
    }
    Bytes data = log.data();
    if (data.length() != 6 * AbiWords.WORD) {
      return Optional.empty();
    }
    OptionalLong seq = AbiWords.uint63(log.topics().get(1).bytes(), 0);
    OptionalLong first = AbiWords.uint63(data, 2 * AbiWords.WORD);
    OptionalLong last = AbiWords.uint63(data, 3 * AbiWords.WORD);
    OptionalLong cursor = AbiWords.uint63(data, 4 * AbiWords.WORD);
    if (seq.isEmpty() || first.isEmpty() || last.isEmpty() || cursor.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BatchAppendedEvent(
            seq.getAsLong(),
            log.topics().get(2),
            AbiWords.bytes32(data, 0).orElseThrow(),
            AbiWords.bytes32(data, AbiWords.WORD).orElseThrow(),
            first.getAsLong(),
            last.getAsLong(),
            cursor.getAsLong(),
            AbiWords.bytes32(data, 5 * AbiWords.WORD).orElseThrow(),
            log.blockNumber(),
            log.transactionHash(),
            log.logIndex()));
  }
}
