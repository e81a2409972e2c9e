package io.paraseq.bench.exec;

import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.stm.BlockStmExecutor;
import io.paraseq.protocol.exec.stm.BlockStmListener;
import io.paraseq.protocol.program.Abi;
import io.paraseq.protocol.program.AbiEncoder;
import io.paraseq.protocol.program.PairConfig;
import io.paraseq.protocol.program.ProgramGenesis;
import io.paraseq.protocol.program.TokenConfig;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * a tenth of the block as a nonce chain: every transaction reads its predecessor's write). The
 * issue-6 workloads draw sender and recipient at random among {@code accounts} addresses: {@code
 * eth} (ETH transfers), {@code token} (ERC-20 transfers of one native token) and {@code amm} (swaps
 * of token A for B through one of {@code max(1, accounts / 10)} native pairs; the approvals the
 * swaps need run sequentially in the set-up, before the measured block).
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

  @Param({"1000"})
  public int accounts;

  @Param({"sequential", "stm"})
  public String executor;

  @Param({"2"})
  public int threads;

  /** Block-STM's hot-sender rule (a block dominated by one sender runs sequentially). */
  @Param({"true"})
  public boolean hotSenderFallback;

  private BlockExecutor blockExecutor;
  private BlockContext context;
  private List<VerifiedTransaction> block;
  private StateSnapshot state;

  @Setup(Level.Trial)
  public void setUp() {
    blockExecutor =
        executor.equals("stm")
            ? new BlockStmExecutor(threads, 0, hotSenderFallback, BlockStmListener.NONE)
            : new SequentialExecutor();
    context =
        new BlockContext(1, 1_700_000_000, address(3, 0), Wei.of(GWEI), 1_000_000_000L, CHAIN);
    switch (workload) {
      case "independent", "chains" -> legacyWorkload();
      case "eth", "token", "amm" -> randomWorkload();
      default -> throw new IllegalArgumentException("unknown workload " + workload);
    }
  }

  private void legacyWorkload() {
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
  }

  /**
   * {@code eth}, {@code token} or {@code amm}: {@code txs} transactions, each from a random one of
   * {@code accounts} senders (so a sender's later transactions wait for its earlier ones) to a
   * random one of them.
   */
  private void randomWorkload() {
    SplittableRandom random = new SplittableRandom(2026);
    int pools = Math.max(1, accounts / 10);
    Map<Address, Allocation> alloc = new TreeMap<>();
    Map<Address, BigInteger> tokens = new TreeMap<>();
    BigInteger tokenBalance = BigInteger.TEN.pow(30);
    for (int i = 0; i < accounts; i++) {
      alloc.put(address(1, i), Allocation.of(Wei.of(BigInteger.TEN.pow(24))));
      tokens.put(address(1, i), tokenBalance);
    }
    GenesisAlloc genesis = GenesisAlloc.of(alloc);
    if (!workload.equals("eth")) {
      BigInteger reserve = BigInteger.TEN.pow(30);
      List<PairConfig> pairs = new ArrayList<>();
      for (int p = 0; p < pools; p++) {
        pairs.add(new PairConfig(address(5, p), TOKEN_A, TOKEN_B, reserve, reserve, address(6, 0)));
      }
      genesis =
          ProgramGenesis.withPrograms(
              genesis,
              List.of(
                  TokenConfig.of(TOKEN_A, "Token A", "TKA", 18, tokens),
                  TokenConfig.of(TOKEN_B, "Token B", "TKB", 18, tokens)),
              workload.equals("amm") ? pairs : List.of());
    }
    WorldState world = WorldState.genesis(genesis);
    Map<Address, Long> nonces = new HashMap<>();
    List<VerifiedTransaction> approvals = new ArrayList<>();
    Set<List<Address>> approved = new HashSet<>();
    block = new ArrayList<>(txs);
    for (int i = 0; i < txs; i++) {
      Address sender = address(1, random.nextInt(accounts));
      Address to = address(1, random.nextInt(accounts));
      BigInteger amount = BigInteger.valueOf(random.nextLong(1, 1L << 40));
      block.add(
          switch (workload) {
            case "eth" -> tx(sender, 0, to, amount, 21_000, Bytes.EMPTY);
            case "token" ->
                tx(
                    sender,
                    0,
                    TOKEN_A,
                    BigInteger.ZERO,
                    100_000,
                    call(
                        "transfer(address,uint256)", new AbiEncoder().address(to).uint256(amount)));
            default -> {
              Address pair = address(5, random.nextInt(pools));
              if (approved.add(List.of(sender, pair))) {
                approvals.add(
                    tx(
                        sender,
                        nonces.merge(sender, 1L, Long::sum) - 1,
                        TOKEN_A,
                        BigInteger.ZERO,
                        100_000,
                        call(
                            "approve(address,uint256)",
                            new AbiEncoder().address(pair).uint256(MAX_ALLOWANCE))));
              }
              yield tx(
                  sender,
                  0,
                  pair,
                  BigInteger.ZERO,
                  200_000,
                  call(
                      "swap(address,uint256,uint256,address)",
                      new AbiEncoder()
                          .address(TOKEN_A)
                          .uint256(amount)
                          .uint256(BigInteger.ONE)
                          .address(to)));
            }
          });
    }
    if (!approvals.isEmpty()) {
      world.apply(new SequentialExecutor().execute(context, approvals, world.view()).diff());
    }
    // nonces: each sender's transactions of the block follow its approvals
    List<VerifiedTransaction> numbered = new ArrayList<>(txs);
    for (VerifiedTransaction tx : block) {
      long nonce = nonces.merge(tx.sender(), 1L, Long::sum) - 1;
      numbered.add(withNonce(tx, nonce));
    }
    block = numbered;
    state = world.view();
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

  private static final Address TOKEN_A = address(4, 0);
  private static final Address TOKEN_B = address(4, 1);
  private static final BigInteger MAX_ALLOWANCE =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private static Bytes call(String signature, AbiEncoder args) {
    return args.encodeWithSelector(Abi.selector(signature));
  }

  private static VerifiedTransaction tx(
      Address sender, long nonce, Address to, BigInteger value, long gasLimit, Bytes data) {
    DynamicFeeTransaction payload =
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(GWEI),
            Wei.of(3 * GWEI),
            gasLimit,
            Optional.of(to),
            Wei.of(value),
            data,
            List.of());
    SignedTransaction signed = new SignedTransaction(payload, PLACEHOLDER);
    Bytes encoded = signed.encoded();
    return new VerifiedTransaction(
        signed, encoded, Hash.keccak(encoded), sender, IntrinsicGas.of(signed));
  }

  private static VerifiedTransaction withNonce(VerifiedTransaction tx, long nonce) {
    DynamicFeeTransaction p =
        (DynamicFeeTransaction) ((SignedTransaction) tx.transaction()).payload();
    return tx(tx.sender(), nonce, p.to().orElseThrow(), p.value().value(), p.gasLimit(), p.data());
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
