package io.paraseq.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Keccak256Test {

  private static final HexFormat HEX = HexFormat.of();

  /** The reference: BouncyCastle's Keccak-256. */
  static byte[] reference(byte[] input, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, offset, length);
    byte[] out = new byte[Keccak256.LENGTH];
    digest.doFinal(out, 0);
    return out;
  }

  static byte[] randomBytes(long seed, int length) {
    byte[] bytes = new byte[length];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void emptyInputIsTheWellKnownEmptyHash() {
    assertThat(HEX.formatHex(Keccak256.hash(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void hashesTheTransferEventSignature() {
    byte[] sig = "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII);
    assertThat(HEX.formatHex(Keccak256.hash(sig)))
        .isEqualTo("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  }

  @Test
  void hashesAbc() {
    assertThat(HEX.formatHex(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }

  @Test
  void hashesASliceLikeACopyOfIt() {
    byte[] data = "xxabcxx".getBytes(StandardCharsets.US_ASCII);
    assertThat(Keccak256.hash(data, 2, 3))
        .isEqualTo(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void agreesWithBouncyCastleOnEveryLengthUpTo600() {
    byte[] data = randomBytes(1, 600);
    for (int length = 0; length <= 600; length++) {
      assertThat(Keccak256.hash(data, 0, length))
          .as("length %d", length)
          .isEqualTo(reference(data, 0, length));
    }
  }

  @Test
  void agreesWithBouncyCastleOnEveryLengthUpTo600AtAnOddOffset() {
    byte[] data = randomBytes(2, 607);
    for (int length = 0; length <= 600; length++) {
      assertThat(Keccak256.hash(data, 7, length))
          .as("length %d", length)
          .isEqualTo(reference(data, 7, length));
    }
  }

  @ParameterizedTest
  @ValueSource(
      ints = {135, 136, 137, 271, 272, 273, 532, 1024, 1087, 1088, 1089, 4096, 65_536, 100_003})
  void agreesWithBouncyCastleOnMultiBlockLengths(int length) {
    byte[] data = randomBytes(length, length);
    assertThat(Keccak256.hash(data)).isEqualTo(reference(data, 0, length));
  }

  @Test
  void allOnesAndAllZeroBlocksAgreeWithBouncyCastle() {
    for (byte fill : new byte[] {0, (byte) 0xFF, (byte) 0x80, 0x01}) {
      for (int length : new int[] {1, 8, 135, 136, 137, 272}) {
        byte[] data = new byte[length];
        Arrays.fill(data, fill);
        assertThat(Keccak256.hash(data)).isEqualTo(reference(data, 0, length));
      }
    }
  }

  @Test
  void hashIntoWritesAtTheOffsetAndNothingElse() {
    byte[] data = randomBytes(3, 532);
    byte[] out = new byte[40];
    Arrays.fill(out, (byte) 0x5A);
    Keccak256.hashInto(data, 0, data.length, out, 5);
    assertThat(Arrays.copyOfRange(out, 5, 37)).isEqualTo(reference(data, 0, data.length));
    for (int i : new int[] {0, 1, 2, 3, 4, 37, 38, 39}) {
      assertThat(out[i]).isEqualTo((byte) 0x5A);
    }
  }

  @Test
  void rejectsSlicesOutsideTheInput() {
    byte[] data = new byte[10];
    assertThatThrownBy(() -> Keccak256.hash(data, 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Keccak256.hash(data, -1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Keccak256.hashInto(data, 0, 10, new byte[31], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Keccak256.newHasher().digestInto(new byte[40], 9))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void hasherFedByteByByteEqualsTheOneShotHash() {
    byte[] data = randomBytes(4, 600);
    Keccak256.Hasher hasher = Keccak256.newHasher();
    for (int length = 0; length <= 600; length += 17) {
      for (int i = 0; i < length; i++) {
        hasher.update(data[i]);
      }
      assertThat(hasher.digest()).as("length %d", length).isEqualTo(reference(data, 0, length));
    }
  }

  @Test
  void hasherIsReusableAfterDigestAndReset() {
    Keccak256.Hasher hasher = Keccak256.newHasher();
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    byte[] first = hasher.update(abc).digest();
    byte[] second = hasher.update(abc).digest();
    hasher.update(randomBytes(5, 300)).reset();
    byte[] third = hasher.update(abc).digest();
    assertThat(first).isEqualTo(second).isEqualTo(third).isEqualTo(Keccak256.hash(abc));
    assertThat(hasher.digest()).isEqualTo(Keccak256.hash(new byte[0]));
  }

  @Test
  void staticHashIsThreadSafe() {
    byte[][] inputs = new byte[64][];
    byte[][] expected = new byte[64][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = randomBytes(100 + i, 17 * i);
      expected[i] = reference(inputs[i], 0, inputs[i].length);
    }
    IntStream.range(0, 20_000)
        .parallel()
        .forEach(
            n -> {
              int i = n % inputs.length;
              assertThat(Keccak256.hash(inputs[i])).isEqualTo(expected[i]);
            });
  }
}
