package io.paraseq.protocol.batch;

import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * Decodes posted batch data strictly (docs/batch-format.md): known version and codec bytes, exactly
 * one compressed stream, a payload no larger than the limit, a well-formed layout with nothing left
 * over, and every transaction one the strict transaction decoder accepts. Every rejection is a
 * {@link BatchDecodeResult.Rejected} with a {@link BatchDecodeError}; no exception escapes for any
 * input. Stateless and thread-safe.
 */
public final class BatchDecoder {

  /**
   * The largest decompressed payload any decoder accepts, 32 MiB: far above what one L1
   * transaction's calldata can carry at any plausible compression ratio, and small enough that a
   * decompression bomb costs a verifier little memory.
   */
  public static final int MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;

  private BatchDecoder() {}

  /**
   * Decodes {@code data} with the protocol's payload limit.
   *
   * @param chainId the chain id v1 implies for every transaction (v0 transactions carry their own)
   */
  public static BatchDecodeResult<DecodedBatch> decode(Bytes data, ChainId chainId) {
    return decode(data, chainId, MAX_PAYLOAD_BYTES);
  }

  /**
   * Decodes {@code data}, accepting a payload of at most {@code maxPayloadBytes}.
   *
   * @throws IllegalArgumentException if {@code maxPayloadBytes} is negative
   */
  public static BatchDecodeResult<DecodedBatch> decode(
      Bytes data, ChainId chainId, int maxPayloadBytes) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(chainId, "chainId");
    if (maxPayloadBytes < 0) {
      throw new IllegalArgumentException("negative payload limit " + maxPayloadBytes);
    }
    try {
      return BatchDecodeResult.decoded(decodeOrThrow(data.toArray(), chainId, maxPayloadBytes));
    } catch (RejectedBatchException e) {
      return BatchDecodeResult.rejected(e.failure());
    }
  }

  private static DecodedBatch decodeOrThrow(byte[] data, ChainId chainId, int maxPayloadBytes) {
    if (data.length < 2) {
      throw new RejectedBatchException(BatchDecodeError.TOO_SHORT, data.length + " bytes");
    }
    BatchVersion version =
        BatchVersion.ofId(data[0] & 0xff)
            .orElseThrow(
                () ->
                    new RejectedBatchException(
                        BatchDecodeError.UNKNOWN_VERSION, String.format("0x%02x", data[0])));
    Codec codec =
        Codec.ofId(data[1] & 0xff)
            .orElseThrow(
                () ->
                    new RejectedBatchException(
                        BatchDecodeError.UNKNOWN_CODEC, String.format("0x%02x", data[1])));
    byte[] payload = codec.decompress(data, 2, maxPayloadBytes);
    return switch (version) {
      case V0 -> {
        List<BatchBlock> blocks = V0Payload.decode(payload);
        BatchRules.checkBlocks(blocks);
        yield new DecodedBatch(version, codec, blocks, List.of());
      }
      case V1 -> {
        DecodedBatch batch = V1Decoder.decode(payload, chainId, codec);
        BatchRules.checkBlocks(batch.blocks());
        yield batch;
      }
    };
  }
}
