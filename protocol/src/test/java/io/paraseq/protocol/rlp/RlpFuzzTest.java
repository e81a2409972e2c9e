package io.paraseq.protocol.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds the strict decoder a million random and mutated inputs: each must either decode and then
 * re-encode to the very same bytes (only canonical input is accepted) or fail with {@link
 * RlpException}. Nothing else may escape.
 *
 * <p>Seed and count are fixed and printed; override with {@code -Dparaseq.fuzz.seed=…} and {@code
 * -Dparaseq.fuzz.iterations=…}.
 */
class RlpFuzzTest {

  private static final long SEED = Long.getLong("paraseq.fuzz.seed", 0x5EED_2026L);
  private static final int ITERATIONS = Integer.getInteger("paraseq.fuzz.iterations", 1_000_000);
  private static final int CORPUS_SIZE = 512;

  private final SplittableRandom random = new SplittableRandom(SEED);
  private final List<Sample> corpus = new ArrayList<>();
  private final Map<RlpError, Integer> rejections = new EnumMap<>(RlpError.class);
  private final Map<RlpError, Integer> fieldRejections = new EnumMap<>(RlpError.class);
  private int accepted;

  /** A valid encoding and the offsets of its item headers. */
  private record Sample(byte[] encoding, int[] headers) {}

  @Test
  void everyInputDecodesCanonicallyOrFailsWithRlpException() {
    for (int i = 0; i < CORPUS_SIZE; i++) {
      corpus.add(sample(randomList(4)));
    }
    long totalBytes = 0;
    long started = System.nanoTime();
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = nextInput(i);
      totalBytes += input.length;
      try {
        check(input);
      } catch (RuntimeException | Error e) {
        throw new AssertionError(
            "seed=" + SEED + " iteration=" + i + " input=0x" + HexFormat.of().formatHex(input), e);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "rlp fuzz seed=%#x inputs=%d bytes=%d ms=%d accepted=%d rejected=%s field-reader-rejected=%s%n",
        SEED, ITERATIONS, totalBytes, millis, accepted, rejections, fieldRejections);
    assertThat(accepted).isPositive();
    assertThat(rejections)
        .containsKeys(
            RlpError.INPUT_EMPTY,
            RlpError.TRUNCATED,
            RlpError.ITEM_EXCEEDS_LIST,
            RlpError.TRAILING_BYTES,
            RlpError.NON_CANONICAL_SINGLE_BYTE,
            RlpError.NON_CANONICAL_LENGTH,
            RlpError.LEADING_ZERO_IN_LENGTH,
            RlpError.LENGTH_OVERFLOW);
    assertThat(fieldRejections)
        .containsKeys(
            RlpError.LEADING_ZERO_IN_INTEGER, RlpError.INTEGER_TOO_LARGE, RlpError.WRONG_LENGTH);
  }

  private void check(byte[] input) {
    RlpItem item;
    try {
      item = Rlp.decode(input);
    } catch (RlpException e) {
      rejections.merge(e.error(), 1, Integer::sum);
      walkAsFields(input);
      return;
    }
    accepted++;
    if (!Arrays.equals(Rlp.encodeToArray(item), input)) {
      throw new AssertionError("accepted a non-canonical encoding");
    }
    walkAsFields(input);
  }

  /** Drives the cursor API (integers, fixed lengths, skipping) over the same input. */
  private void walkAsFields(byte[] input) {
    RlpReader reader = RlpReader.of(input);
    try {
      walk(reader, 0);
      reader.finish();
    } catch (RlpException e) {
      fieldRejections.merge(e.error(), 1, Integer::sum);
    }
  }

  private static void walk(RlpReader reader, int field) {
    while (reader.hasNext()) {
      if (reader.nextIsList()) {
        reader.enterList();
        walk(reader, field + 1);
        reader.exitList();
      } else {
        switch (field++ % 5) {
          case 0 -> reader.readLong();
          case 1 -> reader.readBigInteger(256);
          case 2 -> reader.readBytes(20);
          case 3 -> reader.readEncoded();
          default -> reader.skip();
        }
      }
    }
  }

  private byte[] nextInput(int iteration) {
    if (iteration % 64 == 0) {
      byte[] bytes = new byte[random.nextInt(0, 48)];
      random.nextBytes(bytes);
      return bytes;
    }
    Sample sample = corpus.get(random.nextInt(corpus.size()));
    byte[] in = sample.encoding();
    return switch (random.nextInt(9)) {
      case 0 -> in;
      case 1 -> flipBits(in);
      case 2 -> Arrays.copyOf(in, random.nextInt(in.length + 1));
      case 3 -> insert(in, random.nextInt(in.length + 1), randomBytes(1 + random.nextInt(3)));
      case 4 -> delete(in, random.nextInt(in.length));
      case 5 -> tweakHeader(in, sample.headers());
      case 6 -> lengthenHeader(in, sample.headers());
      case 7 -> insert(in, in.length, randomBytes(1 + random.nextInt(2)));
      default -> splice(in, corpus.get(random.nextInt(corpus.size())).encoding());
    };
  }

  private byte[] flipBits(byte[] in) {
    byte[] out = in.clone();
    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  /** Adds or subtracts a little from one header byte: wrong lengths, wrong kinds, wrong forms. */
  private byte[] tweakHeader(byte[] in, int[] headers) {
    byte[] out = in.clone();
    int at = headers[random.nextInt(headers.length)];
    out[at] = (byte) (out[at] + random.nextInt(-3, 4));
    if (at + 1 < out.length && random.nextBoolean()) {
      out[at + 1] = (byte) (out[at + 1] + random.nextInt(-2, 3));
    }
    return out;
  }

  /** Rewrites a short header in the long form (or pads a long length with a zero byte). */
  private byte[] lengthenHeader(byte[] in, int[] headers) {
    int at = headers[random.nextInt(headers.length)];
    int prefix = in[at] & 0xff;
    boolean list = prefix >= 0xc0;
    int base = list ? 0xc0 : 0x80;
    if (prefix < 0x80) {
      return insert(in, at, new byte[] {(byte) 0x81});
    }
    if (prefix - base < 56) {
      byte[] out = insert(in, at + 1, new byte[] {(byte) (prefix - base)});
      out[at] = (byte) (base + 56);
      return out;
    }
    byte[] out = insert(in, at + 1, new byte[] {0});
    out[at]++;
    return out;
  }

  private byte[] splice(byte[] first, byte[] second) {
    int cut = random.nextInt(first.length + 1);
    int from = random.nextInt(second.length + 1);
    byte[] out = Arrays.copyOf(first, cut + second.length - from);
    System.arraycopy(second, from, out, cut, second.length - from);
    return out;
  }

  private static byte[] insert(byte[] in, int at, byte[] extra) {
    byte[] out = new byte[in.length + extra.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(extra, 0, out, at, extra.length);
    System.arraycopy(in, at, out, at + extra.length, in.length - at);
    return out;
  }

  private static byte[] delete(byte[] in, int at) {
    byte[] out = new byte[in.length - 1];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(in, at + 1, out, at, in.length - at - 1);
    return out;
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private RlpItem randomItem(int depth) {
    if (depth == 0 || random.nextInt(2) > 0) {
      int size =
          switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1, 2 -> 1;
            case 3, 4 -> random.nextInt(2, 56);
            default -> random.nextInt(56, 120);
          };
      return RlpString.of(Bytes.of(randomBytes(size)));
    }
    return randomList(depth - 1);
  }

  private RlpList randomList(int depth) {
    List<RlpItem> items = new ArrayList<>();
    for (int n = random.nextInt(0, 6); n > 0; n--) {
      items.add(randomItem(depth));
    }
    return new RlpList(items);
  }

  /** Encodes {@code item} and records where each item header sits. */
  private static Sample sample(RlpItem item) {
    byte[] encoding = Rlp.encodeToArray(item);
    List<Integer> headers = new ArrayList<>();
    collectHeaders(RlpReader.of(encoding), headers);
    return new Sample(encoding, headers.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void collectHeaders(RlpReader reader, List<Integer> headers) {
    while (reader.hasNext()) {
      headers.add(reader.position());
      if (reader.nextIsList()) {
        reader.enterList();
        collectHeaders(reader, headers);
        reader.exitList();
      } else {
        reader.skip();
      }
    }
  }
}
