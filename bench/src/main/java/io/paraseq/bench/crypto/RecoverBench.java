package io.paraseq.bench.crypto;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.crypto.SValuePolicy;
import io.paraseq.protocol.crypto.Secp256k1;
import io.paraseq.protocol.crypto.Signature;
import java.security.SignatureException;
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
 * secp256k1 public-key recovery to an address, one call per operation: Paraseq's native backend
 * (libsecp256k1), its pure-Java BouncyCastle backend, and web3j's recovery as the outside baseline.
 *
 * <pre>java -jar bench/target/benchmarks.jar RecoverBench -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RecoverBench {

  private static final int SAMPLES = 256;

  /**
   * {@code NATIVE} and {@code BOUNCY_CASTLE}: Paraseq's backends, recovering the sender address
   * with EIP-2 low-s enforced; {@code WEB3J}: web3j 5's recovery of the public key (BouncyCastle
   * inside), the outside baseline.
   */
  @Param({"NATIVE", "BOUNCY_CASTLE", "WEB3J"})
  public String impl;

  private Secp256k1 secp;
  private boolean web3j;
  private final byte[][] hashes = new byte[SAMPLES][];
  private final Signature[] signatures = new Signature[SAMPLES];
  private final org.web3j.crypto.Sign.SignatureData[] web3jSignatures =
      new org.web3j.crypto.Sign.SignatureData[SAMPLES];
  private int next;

  @Setup
  public void setUp() {
    web3j = impl.equals("WEB3J");
    secp = impl.equals("BOUNCY_CASTLE") ? Secp256k1.bouncyCastle() : Secp256k1.get();
    if (!web3j && !secp.backend().name().equals(impl)) {
      throw new IllegalStateException("backend " + impl + " is not available: " + secp);
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < SAMPLES; i++) {
      byte[] key = new byte[32];
      byte[] hash = new byte[32];
      random.nextBytes(key);
      random.nextBytes(hash);
      key[0] &= 0x7f; // below the curve order
      Signature sig = Secp256k1.get().sign(hash, PrivateKey.of(key).orElseThrow());
      hashes[i] = hash;
      signatures[i] = sig;
      web3jSignatures[i] =
          new org.web3j.crypto.Sign.SignatureData((byte) (27 + sig.recId()), sig.r(), sig.s());
    }
  }

  /** One recovery. */
  @Benchmark
  public Object recover() throws SignatureException {
    int i = next++ & (SAMPLES - 1);
    if (web3j) {
      return org.web3j.crypto.Sign.signedMessageHashToKey(hashes[i], web3jSignatures[i]);
    }
    Signature sig = signatures[i];
    return secp.recoverAddress(hashes[i], sig.r(), sig.s(), sig.recId(), SValuePolicy.LOW_S_ONLY)
        .orElseThrow();
  }
}
