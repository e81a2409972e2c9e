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
   * Decodes {@code data} with the protocol's payload limit and an empty registry: right for v0 and
   * v1 data and for batch 0; a later v2 batch needs {@link #decode(Bytes, ChainId,
   * AddressRegistry)}.
   *
   * @param chainId the chain id v1 and v2 imply for every transaction (v0 transactions carry their
   *     own)
   */
  public static BatchDecodeResult<DecodedBatch> decode(Bytes data, ChainId chainId) {
    return decode(data, chainId, AddressRegistry.empty(), MAX_PAYLOAD_BYTES);
  }

  /**
   * Decodes {@code data} with the protocol's payload limit against {@code registry}, the registry
   * before this batch (read, not changed). Once the batch is accepted, the caller appends {@link
   * DecodedBatch#registryAppends()}.
   */
  public static BatchDecodeResult<DecodedBatch> decode(
      Bytes data, ChainId chainId, AddressRegistry registry) {
    return decode(data, chainId, registry, MAX_PAYLOAD_BYTES);
  }

  /**
   * Decodes {@code data} with an empty registry, accepting a payload of at most {@code
   * maxPayloadBytes}.
   *
   * @throws IllegalArgumentException if {@code maxPayloadBytes} is negative
   */
  public static BatchDecodeResult<DecodedBatch> decode(
      Bytes data, ChainId chainId, int maxPayloadBytes) {
    return decode(data, chainId, AddressRegistry.empty(), maxPayloadBytes);
  }

  /**
   * Decodes {@code data} against {@code registry}, accepting a payload of at most {@code
   * maxPayloadBytes}.
   *
   * @throws IllegalArgumentException if {@code maxPayloadBytes} is negative
   */
  public static BatchDecodeResult<DecodedBatch> decode(
      Bytes data, ChainId chainId, AddressRegistry registry, int maxPayloadBytes) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(registry, "registry");
    if (maxPayloadBytes < 0) {
      throw new IllegalArgumentException("negative payload limit " + maxPayloadBytes);
    }
    try {
      return BatchDecodeResult.decoded(
          decodeOrThrow(data.toArray(), chainId, registry, maxPayloadBytes));
    } catch (RejectedBatchException e) {
      return BatchDecodeResult.rejected(e.failure());
    }
  }

  private static DecodedBatch decodeOrThrow(
      byte[] data, ChainId chainId, AddressRegistry registry, int maxPayloadBytes) {
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
      case V1, V2 -> {
        DecodedBatch batch = V1Decoder.decode(payload, chainId, codec, registry, version);
        BatchRules.checkBlocks(batch.blocks());
        yield batch;
      }
    };
  }
}
