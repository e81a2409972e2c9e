package io.paraseq.protocol.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round trip, truncation and noise properties of the header codec. */
class BlockHeaderPropertiesTest {

  @Property
  void decodingAnEncodingGivesTheHeaderAndTheSameBytesBack(@ForAll("headers") BlockHeader header) {
    Bytes encoded = header.encoded();
    BlockHeader decoded = BlockHeader.decode(encoded).orElseThrow();
    assertThat(decoded).isEqualTo(header);
    assertThat(decoded.encoded()).isEqualTo(encoded);
    assertThat(decoded.hash()).isEqualTo(header.hash());
  }

  @Property(tries = 300)
  void truncatedEncodingsAreRejected(
      @ForAll("headers") BlockHeader header, @ForAll @IntRange(min = 1, max = 10_000) int cut) {
    byte[] encoded = header.encoded().toArray();
    byte[] truncated = Arrays.copyOf(encoded, encoded.length - 1 - (cut % encoded.length));
    assertThat(BlockHeader.decode(Bytes.of(truncated)).isDecoded()).isFalse();
  }

  @Property(tries = 500)
  void mutatedEncodingsGiveAResultNeverAnException(
      @ForAll("headers") BlockHeader header,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int delta) {
    byte[] mutated = header.encoded().toArray();
    int index = position % mutated.length;
    mutated[index] = (byte) (mutated[index] + delta);
    DecodeResult<BlockHeader> result = BlockHeader.decode(Bytes.of(mutated));
    result
        .valueIfDecoded()
        .ifPresent(decoded -> assertThat(decoded.encoded()).isEqualTo(Bytes.of(mutated)));
  }

  @Property(tries = 1000)
  void arbitraryBytesGiveAResultNeverAnException(@ForAll("noise") byte[] input) {
    assertThat(BlockHeader.decode(Bytes.of(input))).isNotNull();
    assertThat(Block.decode(Bytes.of(input))).isNotNull();
    assertThat(Receipt.decode(Bytes.of(input))).isNotNull();
  }

  @Provide
  Arbitrary<BlockHeader> headers() {
    return BlockArbitraries.headers();
  }

  @Provide
  Arbitrary<byte[]> noise() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
  }
}
