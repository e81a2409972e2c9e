package io.paraseq.protocol.batch;

import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * Encodes blocks into the data posted to L1: {@code version ‖ codec ‖ compress(payload)}
 * (docs/batch-format.md). Stateless and thread-safe.
 *
 * <p>Input that breaks a batch rule ({@link BatchDecoder} would reject the result) is a caller's
 * bug and fails with {@link IllegalArgumentException}: no block, non-consecutive numbers,
 * decreasing timestamps or deposit cursors, a transaction the strict decoder rejects, a deposit, or
 * (v1) a transaction signed for another chain. The encoded payload must also stay within {@link
 * BatchDecoder#MAX_PAYLOAD_BYTES}, so that every decoder accepts it.
 */
public final class BatchEncoder {

  private BatchEncoder() {}

  /**
   * Format v0: the RLP list of blocks with their raw transactions, compressed.
   *
   * @throws IllegalArgumentException for input that breaks a batch rule, or a level outside the
   *     codec's range
   */
  public static Bytes encodeV0(List<BatchBlock> blocks, Codec codec, int level) {
    BatchRules.requireBlocks(blocks);
    int index = 0;
    for (BatchBlock block : blocks) {
      for (Bytes raw : block.transactions()) {
        BatchRules.requireUserTransaction(raw, index++);
      }
    }
    return frame(BatchVersion.V0, codec, level, V0Payload.encode(blocks));
  }

  /**
   * Format v1: columnar, compressed.
   *
   * @param senders the sender of every transaction, in batch order (the node knows them from
   *     ingress; {@link BatchSenders#recover} finds them otherwise). They are written as claims
   *     that a verifier checks; a wrong one makes the batch invalid.
   * @param chainId the chain every transaction is signed for; implied, not written
   * @throws IllegalArgumentException for input that breaks a batch rule, a sender list of the wrong
   *     length, or a level outside the codec's range
   */
  public static Bytes encodeV1(
      List<BatchBlock> blocks, List<Address> senders, ChainId chainId, Codec codec, int level) {
    return encode(BatchVersion.V1, blocks, senders, chainId, AddressRegistry.empty(), codec, level)
        .data();
  }

  /**
   * Format v2: v1 with the addresses of earlier batches referenced through {@code registry},
   * compressed.
   *
   * @param registry the registry before this batch (read, not changed); the caller appends {@link
   *     EncodedBatchData#registryAppends()} once the batch is accepted
   * @throws IllegalArgumentException as {@link #encodeV1}
   */
  public static EncodedBatchData encodeV2(
      List<BatchBlock> blocks,
      List<Address> senders,
      ChainId chainId,
      AddressRegistry registry,
      Codec codec,
      int level) {
    return encode(BatchVersion.V2, blocks, senders, chainId, registry, codec, level);
  }

  /**
   * Format {@code version} against {@code registry}: the data and what the batch appends to the
   * registry (v0 appends nothing; v1 its address table and inline addresses that are not
   * registered; v2 its new addresses).
   *
   * @param senders the sender of every transaction (ignored by v0)
   * @throws IllegalArgumentException as {@link #encodeV0} and {@link #encodeV1}
   */
  public static EncodedBatchData encode(
      BatchVersion version,
      List<BatchBlock> blocks,
      List<Address> senders,
      ChainId chainId,
      AddressRegistry registry,
      Codec codec,
      int level) {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(registry, "registry");
    if (version == BatchVersion.V0) {
      return new EncodedBatchData(encodeV0(blocks, codec, level), List.of());
    }
    BatchRules.requireBlocks(blocks);
    V1Encoder.Payload payload =
        V1Encoder.encode(blocks, senders, chainId, registry, version == BatchVersion.V2);
    return new EncodedBatchData(
        frame(version, codec, level, payload.bytes()), payload.registryAppends());
  }

  private static Bytes frame(BatchVersion version, Codec codec, int level, byte[] payload) {
    if (payload.length > BatchDecoder.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "payload of "
              + payload.length
              + " bytes exceeds the decoders' limit of "
              + BatchDecoder.MAX_PAYLOAD_BYTES
              + "; split the batch");
    }
    byte[] compressed = codec.compress(payload, level);
    byte[] data = new byte[2 + compressed.length];
    data[0] = (byte) version.id();
    data[1] = (byte) codec.id();
    System.arraycopy(compressed, 0, data, 2, compressed.length);
    return Bytes.of(data);
  }
}
