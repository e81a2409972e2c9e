package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchEncoder;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.batch.EncodedBatchData;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the batcher encodes blocks: format v2 (columnar, addresses of earlier batches referenced
 * through the address registry) compressed with Zstandard at level 19, the measured choice
 * (docs/benchmarks.md, "Batch compression"; version byte {@code 0x02}, codec byte {@code 0x02}). v1
 * remains available (it also feeds the registry). Stateless and thread-safe; the registry is the
 * caller's and is only read.
 */
public final class BatchEncoding {

  /** The codec of every batch the batcher builds. */
  public static final Codec CODEC = Codec.ZSTD;

  /** The Zstandard level. */
  public static final int LEVEL = 19;

  /** The format of every batch the batcher builds unless told otherwise. */
  public static final BatchVersion DEFAULT_VERSION = BatchVersion.V2;

  private final ChainId chainId;
  private final BatchVersion version;

  /** Encodes transactions signed for the L2 chain {@code chainId} in the default format (v2). */
  public BatchEncoding(ChainId chainId) {
    this(chainId, DEFAULT_VERSION);
  }

  /**
   * Encodes transactions signed for the L2 chain {@code chainId} in {@code version}.
   *
   * @throws IllegalArgumentException for v0 (the batcher always knows the senders)
   */
  public BatchEncoding(ChainId chainId, BatchVersion version) {
    this.chainId = Objects.requireNonNull(chainId, "chainId");
    this.version = Objects.requireNonNull(version, "version");
    if (version == BatchVersion.V0) {
      throw new IllegalArgumentException("the batcher builds v1 or v2 batches, not v0");
    }
  }

  /** The format. */
  public BatchVersion version() {
    return version;
  }

  /** The L2 chain id. */
  public ChainId chainId() {
    return chainId;
  }

  /**
   * The posted data of {@code blocks} against {@code registry} (the registry after the last built
   * batch): {@code version ‖ 0x02 ‖ zstd(payload)}, and the addresses the batch appends.
   *
   * @throws IllegalArgumentException if the blocks break a batch rule (a bug of the node)
   */
  public EncodedBatch encode(List<SealedBlock> blocks, AddressRegistry registry) {
    List<Address> senders = new ArrayList<>();
    int txs = 0;
    for (SealedBlock block : blocks) {
      senders.addAll(block.senders());
      txs += block.transactions().size();
    }
    var batchBlocks = blocks.stream().map(SealedBlock::toBatchBlock).toList();
    EncodedBatchData data =
        BatchEncoder.encode(version, batchBlocks, senders, chainId, registry, CODEC, LEVEL);
    return new EncodedBatch(batchBlocks, data.data(), txs, data.registryAppends());
  }
}
