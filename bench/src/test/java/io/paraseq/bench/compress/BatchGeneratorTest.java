package io.paraseq.bench.compress;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.batch.BatchSenders;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionDecoder;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchGeneratorTest {

  private static final BatchGenerator GENERATOR = new BatchGenerator(3, 20, 100);

  @Test
  void theSameSeedGivesTheSameBatch() {
    GeneratedBatch first = GENERATOR.generate(Workload.MIX, 300);
    GeneratedBatch again = new BatchGenerator(3, 20, 100).generate(Workload.MIX, 300);
    assertThat(again).isEqualTo(first);
    assertThat(first.txCount()).isEqualTo(300);
    assertThat(first.blocks()).hasSize(2);
    assertThat(first.blocks().stream().mapToLong(b -> b.transactions().size()).sum())
        .isEqualTo(300);
  }

  @Test
  void transactionsAreSignedByTheNamedSendersAndHaveTheWorkloadsShape() {
    for (Workload workload : Workload.values()) {
      GeneratedBatch batch = GENERATOR.generate(workload, 60);
      assertThat(BatchSenders.recover(batch.blocks())).isEqualTo(batch.senders());
      for (Bytes raw : transactions(batch)) {
        SignedTransaction tx = (SignedTransaction) decode(raw);
        Bytes data = tx.data();
        switch (workload) {
          case TRANSFERS -> assertThat(data.isEmpty()).isTrue();
          case TOKENS -> {
            assertThat(data.slice(0, 4).toHex()).isEqualTo("0xa9059cbb");
            assertThat(data.length()).isEqualTo(68);
          }
          case SWAPS -> {
            assertThat(data.slice(0, 4)).isEqualTo(BatchGenerator.SWAP_SELECTOR);
            assertThat(data.length()).isEqualTo(4 + 4 * 32);
          }
          case MIX -> assertThat(data.length()).isIn(0, 68, 132);
        }
      }
    }
  }

  @Test
  void everyBatchRoundTripsInBothFormats() {
    GeneratedBatch batch = GENERATOR.generate(Workload.MIX, 200);
    for (BatchVersion version : BatchVersion.values()) {
      Bytes posted = CompressBench.encode(batch, Format.cold(version), Codec.ZSTD, 3);
      assertThat(CompressBench.roundTrips(batch, Format.cold(version), posted)).isTrue();
    }
  }

  @Test
  void aSteadyRegistryHoldsTheEarlierBatchesAddressesAndV2ReferencesThem() {
    CompressOptions options =
        new CompressOptions(300, 20, 50, 1, 1, 2, List.of(Workload.TRANSFERS), List.of());
    BatchGenerator generator = new BatchGenerator(1, 20, 50);
    var registry =
        CompressMain.steadyRegistry(
            generator,
            Workload.TRANSFERS,
            options,
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    GeneratedBatch batch = generator.generate(Workload.TRANSFERS, 300);
    assertThat(batch.senders()).allMatch(registry::contains);

    Format steady = Format.steady(registry);
    Bytes posted = CompressBench.encode(batch, steady, Codec.ZSTD, 3);
    assertThat(CompressBench.roundTrips(batch, steady, posted)).isTrue();
    Bytes cold = CompressBench.encode(batch, Format.cold(BatchVersion.V2), Codec.ZSTD, 3);
    assertThat(posted.length()).isLessThan(cold.length() - 20 * 15);
  }

  @Test
  void benchRowsCoverEveryFormatAndCodecAndRoundTrip() {
    GeneratedBatch batch = GENERATOR.generate(Workload.TOKENS, 50);
    CompressBench.Result result =
        new CompressBench(1, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
            .run(batch, List.of(new CodecLevel(Codec.NONE, 0), new CodecLevel(Codec.BROTLI, 1)));
    assertThat(result.rows()).hasSize(6).allMatch(Measurement::roundTrip);
    assertThat(result.layouts()).hasSize(3);
  }

  @Test
  void amountsAreRoundOrFullPrecisionWithinTheirRange() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1_000; i++) {
      var amount = BatchGenerator.amount(random, 13, 18, 0.6);
      assertThat(amount.signum()).isPositive();
      assertThat(amount.bitLength()).isLessThanOrEqualTo(70);
    }
  }

  @Test
  void zipfFavoursLowRanks() {
    Zipf zipf = new Zipf(1_000, 1.0);
    SplittableRandom random = new SplittableRandom(2);
    int[] counts = new int[1_000];
    for (int i = 0; i < 20_000; i++) {
      counts[zipf.next(random)]++;
    }
    assertThat(counts[0]).isGreaterThan(counts[9] * 5);
    assertThat(counts[999]).isLessThan(counts[0] / 100);
  }

  private static List<Bytes> transactions(GeneratedBatch batch) {
    return batch.blocks().stream().map(BatchBlock::transactions).flatMap(List::stream).toList();
  }

  private static Transaction decode(Bytes raw) {
    return TransactionDecoder.decode(raw).orElseThrow();
  }
}
