package io.paraseq.protocol.exec.stm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.exec.stm.Workloads.Workload;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Hash;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Determinism (DESIGN.md §6): for random ordered blocks ({@link Workloads}: transfers, deposits,
 * token transfers, approvals, swaps, failing calls), Block-STM on 1 to 4 threads gives exactly the
 * sequential executor's {@link BlockExecution} (receipts, logs, return data, gas, skipped
 * transactions, diff with storage) and the same state root once the diff is applied.
 *
 * <p>CI-sized by default: 3,300 blocks in all. A stress run repeats every block's parallel
 * execution {@code paraseq.stm.stress} times (each a new interleaving of the workers) and draws
 * larger blocks: {@code ./mvnw -B -pl protocol test -Dtest=BlockStmPropertiesTest
 * -Dparaseq.stm.stress=50} (docs/block-stm.md).
 */
class BlockStmPropertiesTest {

  private static final int STRESS = Integer.getInteger("paraseq.stm.stress", 1);
  private static final Map<Integer, BlockStmExecutor> EXECUTORS = new ConcurrentHashMap<>();
  private static final AtomicReference<BlockStmStats> LAST = new AtomicReference<>();

  /** A hang (a lost wake-up, a missed done) fails the try instead of blocking the build. */
  private static final Duration HANG = Duration.ofSeconds(60);

  private final SequentialExecutor sequential = new SequentialExecutor();

  @AfterContainer
  static void closeExecutors() {
    EXECUTORS.values().forEach(BlockStmExecutor::close);
    EXECUTORS.clear();
  }

  @Provide
  Arbitrary<Workload> workloads() {
    int max = STRESS > 1 ? 5_000 : 3_000;
    return Arbitraries.randomValue(random -> Workloads.random(random, max));
  }

  @Provide
  Arbitrary<Workload> smallWorkloads() {
    return Arbitraries.randomValue(random -> Workloads.random(random, 60));
  }

  @Property(tries = 800)
  void blockStmGivesTheSequentialExecutionAndStateRoot(
      @ForAll("workloads") Workload workload,
      @ForAll @IntRange(min = 1, max = 4) int threads,
      @ForAll boolean jitter) {
    Statistics.label("threads").collect(threads);
    Statistics.label("programs")
        .collect(workload.alloc().accounts().containsKey(Workloads.PAIR) ? "with" : "without");
    Statistics.label("size")
        .collect(
            workload.block().size() < 80 ? "<80" : workload.block().size() < 500 ? "<500" : "500+");
    WorldState state = WorldState.genesis(workload.alloc());
    BlockExecution expected =
        sequential.execute(workload.context(), workload.block(), state.view());

    StateView view = jitter ? new JitteryView(state.view()) : state.view();
    expected.receipts().forEach(receipt -> Statistics.label("receipts").collect(receipt.status()));
    for (int run = 0; run < STRESS; run++) {
      assertThat(parallel(threads, workload, view)).isEqualTo(expected);
      collectConflicts();
    }

    Hash sequentialRoot = rootAfter(workload, expected);
    WorldState afterParallel = WorldState.genesis(workload.alloc());
    afterParallel.apply(parallel(threads, workload, state.view()).diff());
    assertThat(afterParallel.stateRoot()).isEqualTo(sequentialRoot);
  }

  /**
   * Small blocks, many of them, on 2 to 4 threads over a {@link JitteryView}: the interleavings of
   * few transactions, with the aborts and suspensions that jitter provokes.
   */
  @Property(tries = 2_500)
  void smallBlocksOnManyThreadsMatchTheSequentialExecution(
      @ForAll("smallWorkloads") Workload workload,
      @ForAll @IntRange(min = 2, max = 4) int threads) {
    WorldState state = WorldState.genesis(workload.alloc());
    BlockExecution expected =
        sequential.execute(workload.context(), workload.block(), state.view());

    StateView jittery = new JitteryView(state.view());
    for (int run = 0; run < STRESS; run++) {
      assertThat(parallel(threads, workload, jittery)).isEqualTo(expected);
      collectConflicts();
    }
  }

  /**
   * The contention fallback abandoning blocks part-way (a small window and a low rate, so most
   * blocks with any conflict are abandoned at some look, with workers still running incarnations):
   * the block run again sequentially gives the sequential result, and an abandoned run leaves
   * nothing behind that changes the pool's next block.
   */
  @Property(tries = 300)
  void blocksAbandonedByTheContentionFallbackMatchTheSequentialExecution(
      @ForAll("smallWorkloads") Workload workload,
      @ForAll @IntRange(min = 2, max = 4) int threads,
      @ForAll @IntRange(min = 1, max = 6) int window) {
    WorldState state = WorldState.genesis(workload.alloc());
    BlockExecution expected =
        sequential.execute(workload.context(), workload.block(), state.view());
    AtomicReference<BlockStmStats> last = new AtomicReference<>();
    StateView jittery = new JitteryView(state.view());
    try (BlockStmExecutor executor =
        new BlockStmExecutor(threads, 0, false, new ContentionFallback(window, 0.05), last::set)) {
      for (int run = 0; run < STRESS; run++) {
        BlockExecution actual =
            assertTimeoutPreemptively(
                HANG, () -> executor.execute(workload.context(), workload.block(), jittery));
        assertThat(actual).isEqualTo(expected);
        Statistics.label("abandoned").collect(last.get().abandoned());
      }
      assertThat(parallel(threads, workload, state.view())).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<Workload> mediumWorkloads() {
    return Arbitraries.randomValue(random -> Workloads.random(random, 600));
  }

  /**
   * The cost rule ({@link WorkThreshold}) with random costs: a block runs in parallel exactly when
   * its estimated work times the extra workers reaches the bookkeeping (its route says which), and
   * either way the result is the sequential one.
   */
  @Property(tries = 200)
  void theCostRuleRoutesByEstimatedWorkAndKeepsTheSequentialExecution(
      @ForAll("mediumWorkloads") Workload workload,
      @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll @IntRange(min = 0, max = 3) int transferCost,
      @ForAll @IntRange(min = 0, max = 20) int programCost,
      @ForAll @IntRange(min = 0, max = 6) int bookkeepingCost) {
    WorldState state = WorldState.genesis(workload.alloc());
    BlockExecution expected =
        sequential.execute(workload.context(), workload.block(), state.view());
    WorkThreshold rule =
        new WorkThreshold(transferCost, programCost, 2 * programCost, bookkeepingCost);
    long work = 0;
    for (VerifiedTransaction tx : workload.block()) {
      work += rule.cost(tx, state.view());
    }
    assertThat(rule.work(workload.block(), state.view())).isEqualTo(work);
    boolean parallel =
        bookkeepingCost == 0
            || work * (threads - 1) >= (long) bookkeepingCost * workload.block().size();
    Statistics.label("cost rule").collect(parallel ? "parallel" : "little work");

    AtomicReference<BlockStmStats> last = new AtomicReference<>();
    try (BlockStmExecutor executor =
        new BlockStmExecutor(threads, 0, false, ContentionFallback.OFF, rule, last::set)) {
      BlockExecution actual =
          assertTimeoutPreemptively(
              HANG, () -> executor.execute(workload.context(), workload.block(), state.view()));
      assertThat(actual).isEqualTo(expected);
    }
    assertThat(last.get().route())
        .isEqualTo(parallel ? BlockStmStats.Route.PARALLEL : BlockStmStats.Route.LITTLE_WORK);
  }

  private static Hash rootAfter(Workload workload, BlockExecution execution) {
    WorldState state = WorldState.genesis(workload.alloc());
    state.apply(execution.diff());
    return state.stateRoot();
  }

  private static void collectConflicts() {
    BlockStmStats stats = LAST.get();
    Statistics.label("conflicts")
        .collect(
            stats.suspensions() > 0
                ? "suspended"
                : stats.validationAborts() > 0 ? "aborted only" : "none");
  }

  private static BlockExecution parallel(int threads, Workload workload, StateView state) {
    BlockStmExecutor executor =
        EXECUTORS.computeIfAbsent(threads, n -> new BlockStmExecutor(n, 0, LAST::set));
    return assertTimeoutPreemptively(
        HANG, () -> executor.execute(workload.context(), workload.block(), state));
  }
}
