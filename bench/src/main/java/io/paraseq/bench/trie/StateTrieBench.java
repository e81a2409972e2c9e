package io.paraseq.bench.trie;

import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.trie.InMemoryTrieNodeStore;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.trie.SecureMerkleTrie;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A state trie of {@code accounts} accounts (secure trie keyed by keccak(address), values the RLP
 * account [nonce, balance, storageRoot, codeHash]); one operation applies a block of {@code
 * updates} balance/nonce changes to existing accounts (encoding the new account values, as the
 * block producer must) and computes the new root. Every operation writes values never written
 * before, so no update is a no-op. Hashing either sequential or in parallel on two threads,
 * measured in the same run.
 *
 * <pre>java -jar bench/target/benchmarks.jar StateTrieBench</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms6g", "-Xmx6g"})
public class StateTrieBench {

  private static final int BATCHES = 8;
  private static final byte[] EMPTY_CODE_HASH = Hash.keccak(Bytes.EMPTY).bytes().toArray();

  @Param({"1000000"})
  public int accounts;

  @Param({"10000"})
  public int updates;

  @Param({"sequential", "parallel"})
  public String hashing;

  private ExecutorService pool;
  private SecureMerkleTrie trie;
  private Bytes[] addresses;
  private Bytes[][] batchKeys;
  private final RlpWriter writer = new RlpWriter();
  private long block;

  @Setup(Level.Trial)
  public void buildState() {
    pool = Executors.newFixedThreadPool(2);
    ParallelHashing mode =
        hashing.equals("parallel") ? ParallelHashing.on(pool) : ParallelHashing.sequential();
    trie = SecureMerkleTrie.empty(new InMemoryTrieNodeStore(), mode);
    SplittableRandom random = new SplittableRandom(2026);
    addresses = new Bytes[accounts];
    for (int i = 0; i < accounts; i++) {
      byte[] address = new byte[20];
      random.nextBytes(address);
      addresses[i] = Bytes.of(address);
      trie.put(addresses[i], account(writer, random.nextInt(100), random.nextLong(1, 1L << 62)));
    }
    trie.rootHash();
    batchKeys = new Bytes[BATCHES][updates];
    for (int b = 0; b < BATCHES; b++) {
      for (int u = 0; u < updates; u++) {
        batchKeys[b][u] = addresses[random.nextInt(accounts)];
      }
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    pool.shutdownNow();
  }

  /** Apply one block of updates and compute the new state root. */
  @Benchmark
  public Hash applyBlockAndComputeRoot() {
    long n = ++block;
    Bytes[] keys = batchKeys[(int) (n % BATCHES)];
    for (int u = 0; u < keys.length; u++) {
      trie.put(keys[u], account(writer, 1000 + n, (n << 20) + u));
    }
    return trie.rootHash();
  }

  private static Bytes account(RlpWriter writer, long nonce, long balance) {
    writer.reset();
    writer.startList();
    writer.writeLong(nonce);
    writer.writeLong(balance);
    writer.writeBytes(MerkleTrie.EMPTY_ROOT.bytes().toArray());
    writer.writeBytes(EMPTY_CODE_HASH);
    writer.endList();
    return writer.toBytes();
  }
}
