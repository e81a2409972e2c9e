package io.paraseq.bench.tx;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.TransactionEncoder;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.security.SignatureException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.web3j.crypto.SignedRawTransaction;

/**
 * The ingress hot path on a raw signed EIP-1559 transfer: strict decode, stateless validation and
 * sender recovery ({@code paraseq}); web3j's decoder plus its sender recovery as the baseline
 * ({@code web3j}). Throughput per second; run with {@code -t 1} and {@code -t 2}.
 *
 * <pre>java -jar bench/target/benchmarks.jar IngressBench -t 2</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class IngressBench {

  private static final int SAMPLES = 1024;

  /** The same signed transactions for every thread. */
  @State(Scope.Benchmark)
  public static class Corpus {
    final byte[][] raw = new byte[SAMPLES][];
    final String[] rawHex = new String[SAMPLES];
    final TransactionValidator validator =
        new TransactionValidator(ValidationPolicy.userIngress(ChainId.PARASEQ_DEFAULT));

    @Setup
    public void setUp() {
      SplittableRandom random = new SplittableRandom(11);
      for (int i = 0; i < SAMPLES; i++) {
        byte[] key = new byte[32];
        byte[] to = new byte[20];
        random.nextBytes(key);
        random.nextBytes(to);
        key[0] &= 0x7f;
        DynamicFeeTransaction tx =
            new DynamicFeeTransaction(
                ChainId.PARASEQ_DEFAULT,
                random.nextInt(1000),
                Wei.of(1_000_000_000L),
                Wei.of(30_000_000_000L),
                21_000,
                Optional.of(Address.of(Bytes.of(to))),
                Wei.of(random.nextLong(1, Long.MAX_VALUE)),
                Bytes.EMPTY,
                List.of());
        raw[i] =
            TransactionEncoder.encode(TransactionSigner.sign(tx, PrivateKey.of(key).orElseThrow()))
                .toArray();
        rawHex[i] = Bytes.of(raw[i]).toHex();
      }
    }
  }

  /** Each thread walks the corpus from its own position. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup
    public void setUp() {
      next = (int) (Thread.currentThread().threadId() * 131);
    }

    int advance() {
      return next++ & (SAMPLES - 1);
    }
  }

  @Benchmark
  public VerifiedTransaction paraseq(Corpus corpus, Cursor cursor) {
    return corpus.validator.verify(Bytes.of(corpus.raw[cursor.advance()])).orElseThrow();
  }

  @Benchmark
  public String web3j(Corpus corpus, Cursor cursor) throws SignatureException {
    SignedRawTransaction tx =
        (SignedRawTransaction)
            org.web3j.crypto.TransactionDecoder.decode(corpus.rawHex[cursor.advance()]);
    return tx.getFrom();
  }
}
