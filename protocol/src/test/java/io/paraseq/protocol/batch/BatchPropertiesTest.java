package io.paraseq.protocol.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Positive;

/** v1 is lossless, and both formats give back the same blocks, for random signed batches. */
class BatchPropertiesTest {

  @Property(tries = 60)
  void v1RebuildsEveryRawTransactionByteForByte(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 60) int txCount,
      @ForAll @IntRange(min = 1, max = 8) int senderCount,
      @ForAll Codec codec) {
    RandomBatches.Batch batch = new RandomBatches(seed).batch(txCount, senderCount);
    Bytes v1 =
        BatchEncoder.encodeV1(
            batch.blocks(), batch.senders(), RandomBatches.CHAIN, codec, codec.defaultLevel());
    Bytes v0 = BatchEncoder.encodeV0(batch.blocks(), codec, codec.defaultLevel());

    DecodedBatch fromV1 = BatchCodecTest.decode(v1);
    DecodedBatch fromV0 = BatchCodecTest.decode(v0);

    assertThat(fromV1.blocks()).isEqualTo(batch.blocks());
    assertThat(fromV1.claimedSenders()).isEqualTo(batch.senders());
    assertThat(fromV0.blocks()).isEqualTo(batch.blocks());
  }

  @Property(tries = 30)
  void v2RoundTripsEveryBatchOfASequenceOverTheRegistryItBuilds(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int batchCount,
      @ForAll @IntRange(min = 0, max = 40) int txCount,
      @ForAll @IntRange(min = 1, max = 6) int senderCount,
      @ForAll @IntRange(min = 0, max = 30) int preRegistered) {
    RandomBatches batches = new RandomBatches(seed);
    AddressRegistry encoderRegistry = AddressRegistry.empty();
    for (int k = 0; k < preRegistered; k++) {
      byte[] bytes = new byte[20];
      new java.util.Random(seed + k).nextBytes(bytes);
      encoderRegistry.append(
          encoderRegistry.unregistered(
              java.util.List.of(io.paraseq.protocol.types.Address.of(Bytes.of(bytes)))));
    }
    AddressRegistry decoderRegistry = encoderRegistry.copy();
    for (int b = 0; b < batchCount; b++) {
      RandomBatches.Batch batch = batches.batch(txCount, senderCount);
      EncodedBatchData encoded =
          BatchEncoder.encodeV2(
              batch.blocks(), batch.senders(), RandomBatches.CHAIN, encoderRegistry, Codec.NONE, 0);
      DecodedBatch decoded =
          BatchDecoder.decode(encoded.data(), RandomBatches.CHAIN, decoderRegistry).orElseThrow();

      assertThat(decoded.blocks()).isEqualTo(batch.blocks());
      assertThat(decoded.claimedSenders()).isEqualTo(batch.senders());
      assertThat(decoded.registryAppends()).isEqualTo(encoded.registryAppends());
      for (io.paraseq.protocol.types.Address sender : batch.senders()) {
        assertThat(encoderRegistry.contains(sender) || encoded.registryAppends().contains(sender))
            .isTrue();
      }
      encoderRegistry.append(encoded.registryAppends());
      decoderRegistry.append(decoded.registryAppends());
    }
    assertThat(decoderRegistry.entriesFrom(0)).isEqualTo(encoderRegistry.entriesFrom(0));
  }

  @Property(tries = 200)
  void decimalValuesRoundTrip(
      @ForAll @Positive BigInteger mantissa, @ForAll @IntRange(max = 30) int zeros) {
    BigInteger value = mantissa.multiply(BigInteger.TEN.pow(zeros));
    if (value.bitLength() > 256) {
      return;
    }
    DecimalValue decimal = DecimalValue.of(value);
    assertThat(decimal.isCanonical()).isTrue();
    assertThat(decimal.value()).isEqualTo(value);
  }

  @Property(tries = 300)
  void varintsRoundTripAndStayMinimal(@ForAll long value, @ForAll @Positive BigInteger big) {
    ByteSink sink = new ByteSink(8);
    sink.varLong(value);
    BigInteger wide = big.bitLength() > 256 ? big.shiftRight(big.bitLength() - 256) : big;
    sink.varBig(wide);
    ByteSource source = new ByteSource(sink.toArray());
    assertThat(source.varLong("v")).isEqualTo(value);
    assertThat(source.varBig("b", 256)).isEqualTo(wide);
    source.finish();
  }
}
