package io.paraseq.protocol.exec.stm;

import static io.paraseq.protocol.exec.Txs.CHAIN;
import static io.paraseq.protocol.exec.Txs.ETH;
import static io.paraseq.protocol.exec.Txs.GWEI;
import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.ExecutedTransaction;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.Txs;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.AccountWrite;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockStmExecutorTest {

  private static final Address FEE = address(0xfee);
  private static final Address HOT = address(0xabc);
  private static final long BASE_FEE = GWEI;

  private final List<BlockStmStats> stats = new CopyOnWriteArrayList<>();
  private final BlockStmExecutor executor = new BlockStmExecutor(4, 0, stats::add);
  private final SequentialExecutor sequential = new SequentialExecutor();

  @AfterEach
  void close() {
    executor.close();
  }

  @Test
  void aLongSameSenderNonceChainIsExecutedInFull() {
    Address sender = address(1);
    WorldState state = genesis(Map.of(sender, Allocation.of(Wei.of(ETH))));
    List<VerifiedTransaction> block = new ArrayList<>();
    for (int nonce = 0; nonce < 400; nonce++) {
      block.add(transfer(sender, nonce, address(1_000 + nonce % 7)));
    }

    BlockExecution result = executeBoth(context(FEE, BASE_FEE), block, state.view());

    assertThat(result.included()).hasSize(400);
    assertThat(stats.getLast().executions()).isGreaterThanOrEqualTo(400);
  }

  @Test
  void manySendersPayingOneHotRecipientAllGetIn() {
    Map<Address, Allocation> alloc = new TreeMap<>();
    List<VerifiedTransaction> block = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      alloc.put(address(i), Allocation.of(Wei.of(ETH)));
      block.add(transfer(address(i), 0, HOT));
    }

    BlockExecution result = executeBoth(context(FEE, BASE_FEE), block, genesis(alloc).view());

    assertThat(result.included()).hasSize(300);
  }

  @Test
  void swapsThroughOneHotPoolAllSucceedInOrder() {
    Workloads.Workload pool = Workloads.hotPool(150);
    WorldState state = WorldState.genesis(pool.alloc());

    BlockExecution result = executeBoth(pool.context(), pool.block(), state.view());

    assertThat(result.receipts())
        .hasSize(300)
        .allSatisfy(receipt -> assertThat(receipt.status()).isEqualTo(ReceiptStatus.SUCCESS));
    assertThat(result.receipts().get(299).logs()).isNotEmpty();
  }

  @Test
  void theFeeRecipientSpendingMidBlockSeesEveryEarlierFeeAndKeepsTheLaterOnes() {
    Map<Address, Allocation> alloc = new TreeMap<>();
    alloc.put(FEE, Allocation.of(Wei.of(BigInteger.valueOf(21_000L * 2 * GWEI))));
    List<VerifiedTransaction> block = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      alloc.put(address(i), Allocation.of(Wei.of(ETH)));
      block.add(transfer(address(i), 0, address(500 + i)));
      if (i == 100) {
        // needs more than its genesis balance: only the 101 earlier fees make it affordable
        BigInteger value = BigInteger.valueOf(21_000L * 50 * GWEI);
        block.add(Txs.eip1559(FEE, 0, HOT, value, 2 * GWEI, GWEI));
      }
    }

    BlockExecution result = executeBoth(context(FEE, BASE_FEE), block, genesis(alloc).view());

    assertThat(result.skipped()).isEmpty();
    BigInteger fees =
        result.included().stream()
            .map(tx -> BigInteger.valueOf(tx.gasUsed()).multiply(tx.effectiveGasPrice().value()))
            .reduce(BigInteger.ZERO, BigInteger::add);
    ExecutedTransaction own = result.included().get(101);
    BigInteger spent =
        BigInteger.valueOf(own.gasUsed())
            .multiply(own.effectiveGasPrice().value())
            .add(BigInteger.valueOf(21_000L * 50 * GWEI));
    Account fee = updated(result, FEE);
    assertThat(fee.balance().value())
        .isEqualTo(BigInteger.valueOf(21_000L * 2 * GWEI).add(fees).subtract(spent));
    assertThat(fee.nonce()).isEqualTo(1);
  }

  @Test
  void anEmptyFeeRecipientPaidZeroFeesIsDeletedAsSequentially() {
    Map<Address, Allocation> alloc = new TreeMap<>();
    List<VerifiedTransaction> block = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      alloc.put(address(i), Allocation.of(Wei.of(ETH)));
      block.add(Txs.eip1559(address(i), 0, address(100 + i), BigInteger.ONE, 0, 0));
    }

    BlockExecution result = executeBoth(context(FEE, 0), block, genesis(alloc).view());

    assertThat(result.diff().changes().get(FEE).write()).isEqualTo(new AccountWrite.Deleted());
  }

  @Test
  void aSkippedTransactionWritesNothingAndItsSendersNextNonceIsSkippedToo() {
    Address poor = address(1);
    Address rich = address(2);
    WorldState state =
        genesis(
            Map.of(
                poor, Allocation.of(Wei.of(BigInteger.valueOf(21_000L * GWEI))),
                rich, Allocation.of(Wei.of(ETH))));
    List<VerifiedTransaction> block =
        List.of(
            Txs.eip1559(poor, 0, HOT, ETH, 2 * GWEI, GWEI), // cannot pay
            transfer(poor, 1, HOT), // the nonce did not move
            transfer(rich, 0, poor),
            transfer(rich, 1, HOT));

    BlockExecution result = executeBoth(context(FEE, BASE_FEE), block, state.view());

    assertThat(result.skipped()).hasSize(2);
    assertThat(result.skipped())
        .allSatisfy(skip -> assertThat(skip.transaction().sender()).isEqualTo(poor));
    // only rich's transfer touched poor
    assertThat(updated(result, poor))
        .isEqualTo(Account.of(0, Wei.of(BigInteger.valueOf(21_000L * GWEI + 1_000))));
  }

  @Test
  void smallBlocksFallBackToTheSequentialExecutor() {
    List<BlockStmStats> seen = new ArrayList<>();
    try (BlockStmExecutor withThreshold = new BlockStmExecutor(2, 10, seen::add)) {
      WorldState state = genesis(Map.of(address(1), Allocation.of(Wei.of(ETH))));
      List<VerifiedTransaction> nine = new ArrayList<>();
      for (int nonce = 0; nonce < 9; nonce++) {
        nine.add(transfer(address(1), nonce, HOT));
      }
      List<VerifiedTransaction> ten = new ArrayList<>(nine);
      ten.add(transfer(address(1), 9, HOT));

      assertThat(withThreshold.execute(context(FEE, BASE_FEE), nine, state.view()))
          .isEqualTo(sequential.execute(context(FEE, BASE_FEE), nine, state.view()));
      assertThat(withThreshold.execute(context(FEE, BASE_FEE), ten, state.view()))
          .isEqualTo(sequential.execute(context(FEE, BASE_FEE), ten, state.view()));
    }

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0))
        .isEqualTo(BlockStmStats.sequential(9, BlockStmStats.Route.FEW_TRANSACTIONS));
    assertThat(seen.get(1).sequential()).isFalse();
    assertThat(seen.get(1).threads()).isEqualTo(2);
    assertThat(seen.get(1).transactions()).isEqualTo(10);
    assertThat(seen.get(1).executions()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void theCostRuleRunsPlainTransfersSequentiallyAndProgramCallsInParallel() {
    List<BlockStmStats> seen = new ArrayList<>();
    try (BlockStmExecutor withRule =
        new BlockStmExecutor(
            2, 0, false, ContentionFallback.OFF, WorkThreshold.DEFAULT, seen::add)) {
      WorldState state = genesis(senders(40));
      List<VerifiedTransaction> transfers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        transfers.add(transfer(address(i), 0, address(1_000 + i)));
      }
      Workloads.Workload pool = Workloads.hotPool(20);
      WorldState poolState = WorldState.genesis(pool.alloc());

      assertThat(withRule.execute(context(FEE, BASE_FEE), transfers, state.view()))
          .isEqualTo(sequential.execute(context(FEE, BASE_FEE), transfers, state.view()));
      assertThat(withRule.execute(pool.context(), pool.block(), poolState.view()))
          .isEqualTo(sequential.execute(pool.context(), pool.block(), poolState.view()));
    }

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0))
        .isEqualTo(BlockStmStats.sequential(40, BlockStmStats.Route.LITTLE_WORK));
    assertThat(seen.get(1).route()).isEqualTo(BlockStmStats.Route.PARALLEL);
    assertThat(seen.get(1).executions()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void aBlockDominatedByOneSenderRunsSequentiallyWhenTheFallbackIsOn() {
    List<BlockStmStats> seen = new ArrayList<>();
    try (BlockStmExecutor withFallback = new BlockStmExecutor(2, 0, true, seen::add)) {
      WorldState state = genesis(senders(4));
      List<VerifiedTransaction> half = new ArrayList<>(); // address(0) sends 10 of 20
      List<VerifiedTransaction> spread = new ArrayList<>(); // 4 senders, 5 each
      long[] nonces = new long[4];
      for (int i = 0; i < 20; i++) {
        int sender = i % 2 == 0 ? 0 : 1 + i % 3;
        half.add(transfer(address(sender), nonces[sender]++, HOT));
        spread.add(transfer(address(i % 4), i / 4, HOT));
      }

      assertThat(withFallback.execute(context(FEE, BASE_FEE), half, state.view()))
          .isEqualTo(sequential.execute(context(FEE, BASE_FEE), half, state.view()));
      assertThat(withFallback.execute(context(FEE, BASE_FEE), spread, state.view()))
          .isEqualTo(sequential.execute(context(FEE, BASE_FEE), spread, state.view()));
    }

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isEqualTo(BlockStmStats.sequential(20, BlockStmStats.Route.HOT_SENDER));
    assertThat(seen.get(1).sequential()).isFalse();
    assertThat(seen.get(1).executions()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void aContendedBlockIsAbandonedAndRunSequentiallyWhenTheContentionFallbackIsOn() {
    List<BlockStmStats> seen = new CopyOnWriteArrayList<>();
    Workloads.Workload pool = Workloads.hotPool(150);
    WorldState state = WorldState.genesis(pool.alloc());
    BlockExecution expected = sequential.execute(pool.context(), pool.block(), state.view());
    // every swap reads the reserves the one before wrote; the view's pauses make the workers
    // overlap
    StateView slow = new JitteryView(state.view());
    ContentionFallback eager = new ContentionFallback(8, 0.01);
    try (BlockStmExecutor withFallback = new BlockStmExecutor(2, 0, false, eager, seen::add)) {
      for (int run = 0; run < 5 && seen.stream().noneMatch(BlockStmStats::abandoned); run++) {
        assertThat(withFallback.execute(pool.context(), pool.block(), slow)).isEqualTo(expected);
      }
    }

    BlockStmStats abandoned =
        seen.stream().filter(BlockStmStats::abandoned).findFirst().orElseThrow();
    assertThat(abandoned.sequential()).isFalse();
    assertThat(abandoned.executions()).isLessThan(pool.block().size());
    assertThat(abandoned.reexecutions() + abandoned.suspensions()).isPositive();
  }

  @Test
  void oneThreadNeverConflictsSoTheContentionFallbackNeverAbandons() {
    List<BlockStmStats> seen = new ArrayList<>();
    Workloads.Workload pool = Workloads.hotPool(150);
    WorldState state = WorldState.genesis(pool.alloc());
    ContentionFallback eager = new ContentionFallback(1, 0.01);
    try (BlockStmExecutor oneThread = new BlockStmExecutor(1, 0, false, eager, seen::add)) {
      assertThat(oneThread.execute(pool.context(), pool.block(), state.view()))
          .isEqualTo(sequential.execute(pool.context(), pool.block(), state.view()));
    }

    assertThat(seen).singleElement().satisfies(s -> assertThat(s.abandoned()).isFalse());
    assertThat(seen.getFirst().executions()).isEqualTo(pool.block().size());
  }

  @Test
  void aTransactionsExceptionReachesTheCallerAndThePoolServesTheNextBlock() {
    Address boom = address(0xb00);
    WorldState state = genesis(senders(40));
    StateView exploding = explodingAt(state.view(), boom, new IllegalStateException("boom"));
    List<VerifiedTransaction> block = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      block.add(transfer(address(i), 0, i == 25 ? boom : HOT));
    }

    assertThatThrownBy(() -> sequential.execute(context(FEE, BASE_FEE), block, exploding))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThatThrownBy(() -> executor.execute(context(FEE, BASE_FEE), block, exploding))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");

    List<VerifiedTransaction> next = new ArrayList<>(block);
    next.set(25, transfer(address(25), 0, HOT));
    executeBoth(context(FEE, BASE_FEE), next, state.view());
  }

  @Test
  void anErrorInAWorkerStopsTheBlockInsteadOfHangingIt() {
    Address boom = address(0xb00);
    WorldState state = genesis(senders(40));
    StateView broken = explodingAt(state.view(), boom, new AssertionError("bug"));
    List<VerifiedTransaction> block = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      block.add(transfer(address(i), 0, i % 10 == 3 ? boom : HOT));
    }

    assertThatThrownBy(() -> executor.execute(context(FEE, BASE_FEE), block, broken))
        .isInstanceOf(AssertionError.class)
        .hasMessage("bug");
    executeBoth(context(FEE, BASE_FEE), block.subList(0, 3), state.view());
  }

  @Test
  void aClosedExecutorRefusesParallelBlocks() {
    BlockStmExecutor closed = new BlockStmExecutor(2, 0);
    closed.close();
    WorldState state = genesis(senders(2));

    assertThatThrownBy(
            () ->
                closed.execute(
                    context(FEE, BASE_FEE),
                    List.of(transfer(address(0), 0, HOT), transfer(address(1), 0, HOT)),
                    state.view()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void overFullBlocksAndBadSettingsAreRefused() {
    BlockContext tight = new BlockContext(1, 1, FEE, Wei.of(BASE_FEE), 30_000, CHAIN);
    List<VerifiedTransaction> two =
        List.of(transfer(address(0), 0, HOT), transfer(address(1), 0, HOT));
    assertThatThrownBy(() -> executor.execute(tight, two, genesis(senders(2)).view()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BlockStmExecutor(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BlockStmExecutor(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Runs {@code block} both ways, requires equal results, and returns the parallel one. */
  private BlockExecution executeBoth(
      BlockContext context, List<VerifiedTransaction> block, StateView state) {
    BlockExecution expected = sequential.execute(context, block, state);
    BlockExecution parallel = executor.execute(context, block, state);
    assertThat(parallel).isEqualTo(expected);
    return parallel;
  }

  private static Account updated(BlockExecution execution, Address address) {
    return ((AccountWrite.Updated) execution.diff().changes().get(address).write()).account();
  }

  private static StateView explodingAt(StateView view, Address boom, Throwable failure) {
    return new StateView() {
      @Override
      public Account account(Address address) {
        if (address.equals(boom)) {
          throwUnchecked(failure);
        }
        return view.account(address);
      }

      @Override
      public Word storage(Address address, Hash slot) {
        return view.storage(address, slot);
      }
    };
  }

  private static void throwUnchecked(Throwable failure) {
    switch (failure) {
      case RuntimeException runtime -> throw runtime;
      case Error error -> throw error;
      default -> throw new IllegalStateException(failure);
    }
  }

  private static Map<Address, Allocation> senders(int count) {
    Map<Address, Allocation> alloc = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      alloc.put(address(i), Allocation.of(Wei.of(ETH)));
    }
    return alloc;
  }

  private static WorldState genesis(Map<Address, Allocation> alloc) {
    return WorldState.genesis(GenesisAlloc.of(alloc));
  }

  private static BlockContext context(Address feeRecipient, long baseFee) {
    return new BlockContext(1, 1_700_000_000, feeRecipient, Wei.of(baseFee), 100_000_000, CHAIN);
  }

  private static VerifiedTransaction transfer(Address sender, long nonce, Address to) {
    return Txs.eip1559(sender, nonce, to, BigInteger.valueOf(1_000), 2 * GWEI, GWEI);
  }
}
