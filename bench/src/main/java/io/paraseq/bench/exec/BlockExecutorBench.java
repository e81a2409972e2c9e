package io.paraseq.bench.exec;

import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.stm.BlockStmExecutor;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.StateSnapshot;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionSignature;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
 * One block of {@code txs} EIP-1559 transfers executed by the sequential executor or by Block-STM
 * with {@code threads} workers (the calling thread included), measured in the same run; the
 * threshold below which the node runs blocks sequentially ({@code paraseq.exec.min-parallel-txs})
 * comes from here. Workloads: {@code independent} (every transaction from its own sender, to one of
 * 1,000 recipients: no conflicts but the fee credits) and {@code chains} (ten senders, each sending
 * a tenth of the block as a nonce chain: every transaction reads its predecessor's write).
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -jar bench/target/benchmarks.jar BlockExecutorBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class BlockExecutorBench {

  private static final ChainId CHAIN = ChainId.PARASEQ_DEFAULT;
  private static final long GWEI = 1_000_000_000L;
  private static final TransactionSignature PLACEHOLDER =
      new TransactionSignature(
          0,
          Bytes.of(new byte[31]).concat(Bytes.of((byte) 1)),
          Bytes.of(new byte[31]).concat(Bytes.of((byte) 1)));

  @Param({"20", "50", "100", "500", "2000"})
  public int txs;

  @Param({"independent", "chains"})
  public String workload;

  @Param({"sequential", "stm"})
  public String executor;

  @Param({"2"})
  public int threads;

  private BlockExecutor blockExecutor;
  private BlockContext context;
  private List<VerifiedTransaction> block;
  private StateSnapshot state;

  @Setup(Level.Trial)
  public void setUp() {
    blockExecutor =
        executor.equals("stm") ? new BlockStmExecutor(threads, 0) : new SequentialExecutor();
    SplittableRandom random = new SplittableRandom(2026);
    int senders = workload.equals("chains") ? 10 : txs;
    Map<Address, Allocation> alloc = new TreeMap<>();
    for (int i = 0; i < senders; i++) {
      alloc.put(address(1, i), Allocation.of(Wei.of(BigInteger.TEN.pow(21))));
    }
    block = new ArrayList<>(txs);
    for (int i = 0; i < txs; i++) {
      block.add(
          transfer(
              address(1, i % senders), i / senders, address(2, random.nextInt(1_000)), random));
    }
    state = WorldState.genesis(GenesisAlloc.of(alloc)).view();
    context =
        new BlockContext(1, 1_700_000_000, address(3, 0), Wei.of(GWEI), 1_000_000_000L, CHAIN);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (blockExecutor instanceof BlockStmExecutor stm) {
      stm.close();
    }
  }

  @Benchmark
  public BlockExecution execute() {
    return blockExecutor.execute(context, block, state);
  }

  private static VerifiedTransaction transfer(
      Address sender, long nonce, Address to, SplittableRandom random) {
    DynamicFeeTransaction payload =
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(GWEI),
            Wei.of(3 * GWEI),
            21_000,
            Optional.of(to),
            Wei.of(BigInteger.valueOf(random.nextLong(1, 1L << 50))),
            Bytes.EMPTY,
            List.of());
    SignedTransaction signed = new SignedTransaction(payload, PLACEHOLDER);
    Bytes encoded = signed.encoded();
    return new VerifiedTransaction(
        signed, encoded, Hash.keccak(encoded), sender, IntrinsicGas.of(signed));
  }

  private static Address address(int kind, int n) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = (byte) kind;
    bytes[16] = (byte) (n >>> 24);
    bytes[17] = (byte) (n >>> 16);
    bytes[18] = (byte) (n >>> 8);
    bytes[19] = (byte) n;
    return Address.of(Bytes.of(bytes));
  }
}
