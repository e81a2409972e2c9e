package io.paraseq.protocol.batch;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a batch commits to on L1: the arguments of {@code Rollup.appendBatch} besides the data
 * itself, the hash of that data, and the format and codec named in the data's first two bytes.
 *
 * <p>{@link #batchHash()} is the contract's {@code batchHashes[seq]}: {@code
 * keccak256(abi.encode(seq, prevStateRoot, newStateRoot, firstBlock, lastBlock, depositCursor,
 * dataHash))}.
 *
 * @param seq the batch sequence number (the contract's {@code nextSeq} when posted), in [0, 2^63-1]
 * @param version the format of the data
 * @param codec the compression of the data
 * @param prevStateRoot the L2 state root the batch builds on (after the previous batch)
 * @param newStateRoot the L2 state root after {@code lastBlock}
 * @param firstBlock the first L2 block of the batch
 * @param lastBlock the last L2 block of the batch, at least {@code firstBlock}
 * @param depositCursor the L1 deposit queue position after {@code lastBlock}
 * @param dataHash keccak256 of the posted data
 */
public record BatchHeader(
    long seq,
    BatchVersion version,
    Codec codec,
    Hash prevStateRoot,
    Hash newStateRoot,
    long firstBlock,
    long lastBlock,
    long depositCursor,
    Hash dataHash) {

  /** Bytes of {@code abi.encode} of the seven committed fields: seven 32-byte words. */
  public static final int ABI_ENCODED_LENGTH = 7 * 32;

  /** The selector of {@code appendBatch(uint64,bytes32,bytes32,uint64,uint64,uint64,bytes)}. */
  public static final Bytes APPEND_BATCH_SELECTOR =
      Hash.keccak(
              Bytes.of(
                  "appendBatch(uint64,bytes32,bytes32,uint64,uint64,uint64,bytes)"
                      .getBytes(StandardCharsets.US_ASCII)))
          .bytes()
          .slice(0, 4);

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException if a number is negative or the block range is empty
   */
  public BatchHeader {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(prevStateRoot, "prevStateRoot");
    Objects.requireNonNull(newStateRoot, "newStateRoot");
    Objects.requireNonNull(dataHash, "dataHash");
    if (seq < 0 || firstBlock < 0 || depositCursor < 0) {
      throw new IllegalArgumentException(
          "seq, firstBlock and depositCursor must be non-negative: "
              + seq
              + ", "
              + firstBlock
              + ", "
              + depositCursor);
    }
    if (lastBlock < firstBlock) {
      throw new IllegalArgumentException(
          "empty block range " + firstBlock + ".." + lastBlock + " (a batch has a block)");
    }
  }

  /**
   * The header of {@code data}, an encoding of {@code blocks} made by {@link BatchEncoder}.
   *
   * @throws IllegalArgumentException if {@code blocks} is empty or {@code data} does not start with
   *     a known version and codec byte
   */
  public static BatchHeader of(
      long seq, Hash prevStateRoot, Hash newStateRoot, List<BatchBlock> blocks, Bytes data) {
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("a batch has at least one block");
    }
    if (data.length() < 2) {
      throw new IllegalArgumentException("batch data too short: " + data.length() + " bytes");
    }
    BatchVersion version =
        BatchVersion.ofId(data.get(0) & 0xff)
            .orElseThrow(() -> new IllegalArgumentException("unknown version byte " + data.get(0)));
    Codec codec =
        Codec.ofId(data.get(1) & 0xff)
            .orElseThrow(() -> new IllegalArgumentException("unknown codec byte " + data.get(1)));
    BatchBlock last = blocks.getLast();
    return new BatchHeader(
        seq,
        version,
        codec,
        prevStateRoot,
        newStateRoot,
        blocks.getFirst().number(),
        last.number(),
        last.depositCursor(),
        Hash.keccak(data));
  }

  /**
   * {@code abi.encode(seq, prevStateRoot, newStateRoot, firstBlock, lastBlock, depositCursor,
   * dataHash)}, as the contract hashes it.
   */
  public Bytes abiEncoded() {
    byte[] out = new byte[ABI_ENCODED_LENGTH];
    uint64Word(out, 0, seq);
    prevStateRoot.bytes().copyTo(out, 32);
    newStateRoot.bytes().copyTo(out, 64);
    uint64Word(out, 96, firstBlock);
    uint64Word(out, 128, lastBlock);
    uint64Word(out, 160, depositCursor);
    dataHash.bytes().copyTo(out, 192);
    return Bytes.of(out);
  }

  /** The contract's commitment to this batch, keccak256 of {@link #abiEncoded()}. */
  public Hash batchHash() {
    return Hash.keccak(abiEncoded());
  }

  /**
   * Length of the {@code appendBatch} calldata that posts {@code dataLength} bytes of batch data:
   * the 4-byte selector, seven head words (six values and the offset of {@code data}), the length
   * word, and the data padded to whole words.
   */
  public static long appendBatchCalldataLength(int dataLength) {
    if (dataLength < 0) {
      throw new IllegalArgumentException("negative data length " + dataLength);
    }
    return 4 + 7 * 32 + 32 + 32L * ((dataLength + 31L) / 32);
  }

  private static void uint64Word(byte[] out, int offset, long value) {
    for (int i = 0; i < Long.BYTES; i++) {
      out[offset + 31 - i] = (byte) (value >>> (8 * i));
    }
  }
}
