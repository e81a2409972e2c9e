package io.paraseq.protocol.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

/** Round-trip properties of the RLP encoder and strict decoder over random structures. */
class RlpPropertiesTest {

  private static final BigInteger TWO_256 = BigInteger.TWO.pow(256);

  @Property
  void decodingAnEncodingGivesTheItemBack(@ForAll("items") RlpItem item) {
    Bytes encoded = Rlp.encode(item);
    assertThat(Rlp.decode(encoded)).isEqualTo(item);
  }

  @Property
  void reEncodingADecodedEncodingGivesTheSameBytes(@ForAll("items") RlpItem item) {
    byte[] encoded = Rlp.encodeToArray(item);
    assertThat(Rlp.encodeToArray(Rlp.decode(encoded))).isEqualTo(encoded);
  }

  @Property
  void readingTheEncodedElementsOfAListRebuildsIt(@ForAll("lists") RlpList list) {
    RlpReader reader = RlpReader.of(Rlp.encodeToArray(list));
    reader.enterList();
    RlpWriter writer = new RlpWriter().startList();
    while (reader.hasNext()) {
      writer.writeEncoded(reader.readEncoded());
    }
    reader.exitList();
    reader.finish();
    assertThat(Rlp.decode(writer.endList().toBytes())).isEqualTo(list);
  }

  @Property
  void bigIntegersRoundTrip(@ForAll("uint256") BigInteger value) {
    byte[] encoded = new RlpWriter().writeBigInteger(value).toByteArray();
    RlpReader reader = RlpReader.of(encoded);
    assertThat(reader.readBigInteger(256)).isEqualTo(value);
    reader.finish();
    assertThat(((RlpString) Rlp.decode(encoded)).asInteger(256)).isEqualTo(value);
    assertThat(Rlp.encodeToArray(RlpString.ofInteger(value))).isEqualTo(encoded);
  }

  @Property
  void longsRoundTripAndMatchTheBigIntegerForm(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value) {
    byte[] encoded = new RlpWriter().writeLong(value).toByteArray();
    assertThat(encoded)
        .isEqualTo(new RlpWriter().writeBigInteger(BigInteger.valueOf(value)).toByteArray());
    assertThat(RlpReader.of(encoded).readLong()).isEqualTo(value);
    assertThat(((RlpString) Rlp.decode(encoded)).asLong()).isEqualTo(value);
  }

  @Provide
  Arbitrary<BigInteger> uint256() {
    Arbitrary<BigInteger> any =
        Arbitraries.bigIntegers().between(BigInteger.ZERO, TWO_256.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> small =
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300));
    Arbitrary<BigInteger> powers =
        Arbitraries.integers().between(0, 255).map(BigInteger.ONE::shiftLeft);
    return Arbitraries.oneOf(any, small, powers);
  }

  @Provide
  Arbitrary<RlpItem> items() {
    return item(4);
  }

  @Provide
  Arbitrary<RlpList> lists() {
    return list(2);
  }

  private Arbitrary<RlpItem> item(int depth) {
    if (depth == 0) {
      return strings().map(RlpItem.class::cast);
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, strings().map(RlpItem.class::cast)),
        Tuple.of(1, list(depth - 1).map(RlpItem.class::cast)));
  }

  private Arbitrary<RlpList> list(int depth) {
    return Arbitraries.lazy(() -> item(depth)).list().ofMaxSize(6).map(RlpList::new);
  }

  /** Mostly short strings (the single-byte and short forms), some past the 56-byte boundary. */
  private static Arbitrary<RlpString> strings() {
    Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(3);
    return Arbitraries.frequencyOf(
            Tuple.of(6, small),
            Tuple.of(2, randomBytes(50, 60)),
            Tuple.of(1, randomBytes(200, 300)))
        .map(bytes -> RlpString.of(Bytes.of(bytes)));
  }

  /** Long random contents from a seed: far cheaper than one shrinkable per byte. */
  private static Arbitrary<byte[]> randomBytes(int minSize, int maxSize) {
    return Combinators.combine(
            Arbitraries.integers().between(minSize, maxSize), Arbitraries.longs())
        .as(
            (size, seed) -> {
              byte[] bytes = new byte[size];
              new SplittableRandom(seed).nextBytes(bytes);
              return bytes;
            });
  }
}
