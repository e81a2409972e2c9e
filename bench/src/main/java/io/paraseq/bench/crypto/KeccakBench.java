package io.paraseq.bench.crypto;

import io.paraseq.protocol.crypto.Keccak256;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * keccak-256 of a 32-byte input (a trie key), a 200-byte input (a typical transaction) and a
 * 532-byte input (a full branch node: 16 hash references and an empty value), by {@link Keccak256}
 * ({@code paraseq}) and by BouncyCastle's {@link KeccakDigest} as it was used before (a new digest
 * per call), measured in the same run. {@code paraseq-into} and {@code bouncycastle-reused} are the
 * allocation-free forms a trie hasher uses: {@link Keccak256#hashInto} into a reused array, and one
 * reused {@link KeccakDigest} (what {@code NodeHasher} does today).
 *
 * <pre>java -jar bench/target/benchmarks.jar KeccakBench -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class KeccakBench {

  @Param({"paraseq", "bouncycastle", "paraseq-into", "bouncycastle-reused"})
  public String impl;

  @Param({"32", "200", "532"})
  public int size;

  private int variant;
  private final byte[] out = new byte[Keccak256.LENGTH];
  private final KeccakDigest reused = new KeccakDigest(256);

  private byte[] input;

  @Setup
  public void setUp() {
    input = new byte[size];
    new SplittableRandom(7).nextBytes(input);
    variant =
        switch (impl) {
          case "paraseq" -> 0;
          case "bouncycastle" -> 1;
          case "paraseq-into" -> 2;
          case "bouncycastle-reused" -> 3;
          default -> throw new IllegalArgumentException("unknown impl " + impl);
        };
  }

  @Benchmark
  public byte[] keccak256() {
    return switch (variant) {
      case 0 -> Keccak256.hash(input);
      case 1 -> bouncyCastle(input);
      case 2 -> {
        Keccak256.hashInto(input, 0, input.length, out, 0);
        yield out;
      }
      default -> {
        reused.update(input, 0, input.length);
        reused.doFinal(out, 0);
        yield out;
      }
    };
  }

  private static byte[] bouncyCastle(byte[] input) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, 0, input.length);
    byte[] out = new byte[Keccak256.LENGTH];
    digest.doFinal(out, 0);
    return out;
  }
}
