package io.paraseq.bench.crypto;

import io.paraseq.protocol.crypto.Keccak256;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * keccak-256 of a 32-byte input (a trie key) and of a 200-byte input (a typical transaction).
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

  @Param({"32", "200"})
  public int size;

  private byte[] input;

  @Setup
  public void setUp() {
    input = new byte[size];
    new SplittableRandom(7).nextBytes(input);
  }

  @Benchmark
  public byte[] keccak256() {
    return Keccak256.hash(input);
  }
}
