package io.paraseq.batcher.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchDecoder;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.types.Hash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The builder's close rules (bytes, blocks, age), never an empty batch, and the round trip. */
class BatchBuilderTest {

  static final long T0 = 1_800_000_000L;
  static final Instant NOW = Instant.ofEpochSecond(T0);

  final MemoryBlocks chain = new MemoryBlocks(7);
  final BatchEncoding encoding = new BatchEncoding(MemoryBlocks.CHAIN);
  final AddressRegistry registry = AddressRegistry.empty();

  BatchBuilder builder(int maxBytes, int maxBlocks, Duration maxAge) {
    return new BatchBuilder(
        chain,
        encoding,
        maxBytes,
        maxBlocks,
        List.of(new MaxBytesRule(maxBytes), new MaxBlocksRule(maxBlocks), new MaxAgeRule(maxAge)));
  }

  @Test
  void neverBuildsAnEmptyBatch() {
    BatchBuilder builder = builder(120_000, 100, Duration.ofSeconds(10));
    assertThat(builder.next(0, MemoryBlocks.root(0), 1, NOW.plusSeconds(3600), registry)).isEmpty();
    chain.seal(T0, 3, 0);
    assertThat(builder.next(0, MemoryBlocks.root(0), 2, NOW.plusSeconds(3600), registry))
        .as("block 1 is already batched")
        .isEmpty();
  }

  @Test
  void waitsWhileNoRuleFires() {
    chain.seal(T0, 5, 0);
    chain.seal(T0 + 1, 5, 0);
    BatchBuilder builder = builder(120_000, 100, Duration.ofSeconds(10));
    assertThat(builder.next(0, MemoryBlocks.root(0), 1, NOW.plusSeconds(9), registry)).isEmpty();
  }

  @Test
  void closesWhenTheOldestBlockReachesMaxAge() {
    chain.seal(T0, 5, 0);
    chain.seal(T0 + 4, 0, 0);
    chain.seal(T0 + 9, 7, 0);
    BatchBuilt built = build(builder(120_000, 100, Duration.ofSeconds(10)), NOW.plusSeconds(10));
    assertThat(built.batch.reason()).startsWith("age");
    assertThat(built.batch.header().firstBlock()).isEqualTo(1);
    assertThat(built.batch.header().lastBlock()).isEqualTo(3);
    assertThat(built.batch.transactionCount()).isEqualTo(12);
    assertRoundTrip(built);
  }

  @Test
  void closesAtMaxBlocksWithExactlyThatMany() {
    for (int i = 0; i < 7; i++) {
      chain.seal(T0 + i, 2, 0);
    }
    BatchBuilt built = build(builder(120_000, 5, Duration.ofHours(1)), NOW.plusSeconds(7));
    assertThat(built.batch.reason()).startsWith("blocks");
    assertThat(built.batch.blockCount()).isEqualTo(5);
    assertRoundTrip(built);
  }

  @Test
  void closesAtMaxBytesWithTheLongestPrefixThatFits() {
    // Random calldata does not compress: about 1 kB per block.
    for (int i = 0; i < 12; i++) {
      chain.seal(T0 + i, 1, 900);
    }
    int maxBytes = 5_000;
    BatchBuilder builder = builder(maxBytes, 100, Duration.ofHours(1));
    BatchBuilt built = build(builder, NOW.plusSeconds(12));
    assertThat(built.batch.reason()).startsWith("bytes");
    assertThat(built.batch.data().length()).isLessThanOrEqualTo(maxBytes);
    int count = (int) built.batch.blockCount();
    assertThat(count).isBetween(2, 11);
    List<SealedBlock> onePlus = chain.range(1, count + 1, Long.MAX_VALUE);
    assertThat(encoding.encode(onePlus, registry).data().length())
        .as("one more block would not fit")
        .isGreaterThan(maxBytes);
    assertRoundTrip(built);

    // The next batch continues after it, on its root.
    Optional<BuiltBatch> next =
        builder.next(
            1, built.batch.header().newStateRoot(), count + 1, NOW.plusSeconds(12), registry);
    assertThat(next).isPresent();
    assertThat(next.get().header().firstBlock()).isEqualTo(count + 1);
    assertThat(next.get().header().prevStateRoot()).isEqualTo(MemoryBlocks.root(count));
  }

  @Test
  void aBlockAloneAboveMaxBytesIsItsOwnBatch() {
    chain.seal(T0, 4, 900);
    chain.seal(T0, 1, 10);
    BatchBuilt built = build(builder(2_000, 100, Duration.ofHours(1)), NOW);
    assertThat(built.batch.blockCount()).isEqualTo(1);
    assertThat(built.batch.data().length()).isGreaterThan(2_000);
    assertRoundTrip(built);
  }

  @Test
  void consecutiveBatchesAreEachTheLongestPrefixThatFits() {
    // Blocks of varied sizes and compressibility, far more than one batch: the builder's search
    // carries its ratio from batch to batch and must still land on the longest fitting prefix.
    for (int i = 0; i < 40; i++) {
      chain.seal(T0 + i, 1 + i % 5, (i % 3) * 300);
    }
    int maxBytes = 4_000;
    BatchBuilder builder = builder(maxBytes, 1_000, Duration.ofHours(1));
    long first = 1;
    long seq = 0;
    while (first <= 30) {
      BuiltBatch batch =
          builder
              .next(seq, MemoryBlocks.root(first - 1), first, NOW.plusSeconds(40), registry)
              .orElseThrow();
      long last = batch.header().lastBlock();
      assertThat(batch.header().firstBlock()).isEqualTo(first);
      assertThat(batch.data().length()).isLessThanOrEqualTo(maxBytes);
      int onePlus =
          encoding.encode(chain.range(first, last + 1, Long.MAX_VALUE), registry).data().length();
      assertThat(onePlus).as("batch %d: one more block would not fit", seq).isGreaterThan(maxBytes);
      registry.append(batch.registryAppends());
      first = last + 1;
      seq++;
    }
    assertThat(seq).isGreaterThan(2);
  }

  @Test
  void aBigBlockWithManyPendingBehindItIsItsOwnBatch() {
    // Under load: each block alone is about maxBytes, and the read holds many of them.
    for (int i = 0; i < 12; i++) {
      chain.seal(T0 + i, 3, 700);
    }
    BatchBuilt built = build(builder(2_000, 100, Duration.ofHours(1)), NOW.plusSeconds(12));
    assertThat(built.batch.blockCount()).isEqualTo(1);
    assertRoundTrip(built);
  }

  @Test
  void theNextBatchReferencesTheAddressesOfTheOnesBefore() {
    for (int i = 0; i < 6; i++) {
      chain.seal(T0 + i, 4, 0);
    }
    BatchBuilder builder = builder(120_000, 3, Duration.ofHours(1));
    BuiltBatch first = build(builder, NOW.plusSeconds(6)).batch;
    assertThat(first.registryAppends()).isNotEmpty();
    registry.append(first.registryAppends());

    BuiltBatch second =
        builder
            .next(1, first.header().newStateRoot(), 4, NOW.plusSeconds(6), registry)
            .orElseThrow();
    assertThat(second.header().version()).isEqualTo(BatchVersion.V2);
    assertThat(second.registryAppends()).doesNotContainAnyElementsOf(first.registryAppends());
    DecodedBatch decoded =
        BatchDecoder.decode(second.data(), MemoryBlocks.CHAIN, registry).orElseThrow();
    assertThat(decoded.blocks())
        .isEqualTo(
            chain.range(4, 6, Long.MAX_VALUE).stream().map(SealedBlock::toBatchBlock).toList());
    assertThat(decoded.claimedSenders()).containsAnyElementsOf(first.registryAppends());
    // the same data against the registry before the first batch does not decode
    assertThat(BatchDecoder.decode(second.data(), MemoryBlocks.CHAIN).isDecoded()).isFalse();
    // v1 writes every address out again
    BatchEncoding v1 = new BatchEncoding(MemoryBlocks.CHAIN, BatchVersion.V1);
    assertThat(v1.encode(chain.range(4, 6, Long.MAX_VALUE), registry).data().length())
        .isGreaterThan(second.data().length());
  }

  private BatchBuilt build(BatchBuilder builder, Instant now) {
    Optional<BuiltBatch> batch = builder.next(0, MemoryBlocks.root(0), 1, now, registry);
    assertThat(batch).isPresent();
    return new BatchBuilt(batch.get());
  }

  /** The posted data decodes to exactly the sealed blocks; the header commits to them. */
  private void assertRoundTrip(BatchBuilt built) {
    BuiltBatch batch = built.batch;
    assertThat(batch.header().version()).isEqualTo(BatchVersion.V2);
    assertThat(batch.header().codec()).isEqualTo(Codec.ZSTD);
    assertThat(batch.header().dataHash()).isEqualTo(Hash.keccak(batch.data()));
    assertThat(batch.header().prevStateRoot())
        .isEqualTo(MemoryBlocks.root(batch.header().firstBlock() - 1));
    assertThat(batch.header().newStateRoot())
        .isEqualTo(MemoryBlocks.root(batch.header().lastBlock()));
    assertThat(batch.header().depositCursor()).isZero();
    DecodedBatch decoded =
        BatchDecoder.decode(batch.data(), MemoryBlocks.CHAIN, registry).orElseThrow();
    assertThat(decoded.registryAppends()).isEqualTo(batch.registryAppends());
    assertThat(decoded.blocks()).hasSize((int) batch.blockCount());
    for (int i = 0; i < decoded.blocks().size(); i++) {
      SealedBlock sealed = chain.block(batch.header().firstBlock() + i);
      assertThat(decoded.blocks().get(i)).isEqualTo(sealed.toBatchBlock());
    }
  }

  private record BatchBuilt(BuiltBatch batch) {}
}
