package io.paraseq.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Keccak256 against BouncyCastle's KeccakDigest over random inputs, slices and split points. */
class Keccak256PropertiesTest {

  @Provide
  Arbitrary<byte[]> inputs() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(1200);
  }

  @Property(tries = 500)
  void agreesWithBouncyCastle(@ForAll("inputs") byte[] input) {
    assertThat(Keccak256.hash(input)).isEqualTo(Keccak256Test.reference(input, 0, input.length));
  }

  @Property(tries = 500)
  void aSliceHashesLikeACopyOfIt(
      @ForAll("inputs") byte[] input,
      @ForAll @IntRange(max = 1200) int from,
      @ForAll @IntRange(max = 1200) int to) {
    int offset = Math.min(Math.min(from, to), input.length);
    int end = Math.min(Math.max(from, to), input.length);
    byte[] copy = Arrays.copyOfRange(input, offset, end);
    byte[] expected = Keccak256Test.reference(copy, 0, copy.length);
    assertThat(Keccak256.hash(input, offset, end - offset)).isEqualTo(expected);
    byte[] out = new byte[Keccak256.LENGTH + 3];
    Keccak256.hashInto(input, offset, end - offset, out, 3);
    assertThat(Arrays.copyOfRange(out, 3, out.length)).isEqualTo(expected);
  }

  @Property(tries = 500)
  void hasherOverRandomSplitsEqualsTheOneShotHash(
      @ForAll("inputs") byte[] input,
      @ForAll @Size(max = 40) List<@IntRange(max = 1200) Integer> cuts) {
    int[] points = cuts.stream().mapToInt(c -> Math.min(c, input.length)).sorted().toArray();
    Keccak256.Hasher hasher = Keccak256.newHasher();
    // a message left over from a previous use must not leak into this one
    hasher.update(input, 0, input.length / 2).digest();
    int from = 0;
    for (int point : points) {
      hasher.update(input, from, point - from);
      from = point;
    }
    hasher.update(input, from, input.length - from);
    byte[] expected = Keccak256.hash(input);
    assertThat(hasher.digest()).isEqualTo(expected);
    assertThat(expected).isEqualTo(Keccak256Test.reference(input, 0, input.length));
  }
}
