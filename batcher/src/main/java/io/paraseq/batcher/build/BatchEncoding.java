package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.BatchEncoder;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the batcher encodes blocks: format v1 (columnar) compressed with Zstandard at level 19, the
 * measured choice (docs/benchmarks.md, "Batch compression"; codec byte {@code 0x02}). Stateless and
 * thread-safe.
 */
public final class BatchEncoding {

  /** The codec of every batch the batcher builds. */
  public static final Codec CODEC = Codec.ZSTD;

  /** The Zstandard level. */
  public static final int LEVEL = 19;

  private final ChainId chainId;

  /** Encodes transactions signed for the L2 chain {@code chainId} (implied by v1). */
  public BatchEncoding(ChainId chainId) {
    this.chainId = Objects.requireNonNull(chainId, "chainId");
  }

  /** The L2 chain id. */
  public ChainId chainId() {
    return chainId;
  }

  /**
   * The posted data of {@code blocks}: {@code 0x01 ‖ 0x02 ‖ zstd(v1 payload)}.
   *
   * @throws IllegalArgumentException if the blocks break a batch rule (a bug of the node)
   */
  public EncodedBatch encode(List<SealedBlock> blocks) {
    List<Address> senders = new ArrayList<>();
    int txs = 0;
    for (SealedBlock block : blocks) {
      senders.addAll(block.senders());
      txs += block.transactions().size();
    }
    var batchBlocks = blocks.stream().map(SealedBlock::toBatchBlock).toList();
    return new EncodedBatch(
        batchBlocks, BatchEncoder.encodeV1(batchBlocks, senders, chainId, CODEC, LEVEL), txs);
  }
}
