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
