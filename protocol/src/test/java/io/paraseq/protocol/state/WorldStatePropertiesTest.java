package io.paraseq.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * WorldState against the obvious model: after every block the incremental root equals a root built
 * from scratch, snapshots stay put, merged diffs equal sequential ones, fromFlat equals incremental
 * application and every proof verifies.
 */
class WorldStatePropertiesTest {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  @AfterContainer
  static void shutdown() {
    POOL.shutdownNow();
  }

  private static final List<Address> ADDRESSES =
      IntStream.range(0, 8).mapToObj(StateArbitraries::address).toList();

  private static final List<Hash> SLOTS = allSlots();

  private static List<Hash> allSlots() {
    List<Hash> slots = new ArrayList<>();
    IntStream.range(0, 6).forEach(i -> slots.add(StateArbitraries.slot(i)));
    IntStream.range(0, 4).forEach(i -> slots.add(Hash.of(Word.of(i).bytes())));
    return List.copyOf(slots);
  }

  @Provide
  Arbitrary<List<List<StateArbitraries.Op>>> blocks() {
    return StateArbitraries.blocks();
  }

  @Property(tries = 300)
  void incrementalRootEqualsRootFromScratch(
      @ForAll("blocks") List<List<StateArbitraries.Op>> blocks) {
    WorldState state = WorldState.empty();
    ReferenceState model = new ReferenceState();
    for (List<StateArbitraries.Op> block : blocks) {
      state.apply(StateArbitraries.diffOf(block));
      model.applyAll(block);
      assertThat(state.stateRoot()).isEqualTo(model.root());
      assertReadsMatch(state.view(), model);
      assertThat(state.accountCount()).isEqualTo(model.accounts.size());
    }
  }

  @Property(tries = 100)
  void parallelHashingGivesTheSameRoot(@ForAll("blocks") List<List<StateArbitraries.Op>> blocks) {
    WorldState sequential = WorldState.empty();
    WorldState parallel = WorldState.empty(ParallelHashing.on(POOL, 0));
    for (List<StateArbitraries.Op> block : blocks) {
      StateDiff diff = StateArbitraries.diffOf(block);
      sequential.apply(diff);
      parallel.apply(diff);
      assertThat(parallel.stateRoot()).isEqualTo(sequential.stateRoot());
    }
  }

  @Property(tries = 200)
  void fromFlatEqualsIncrementalApplication(
      @ForAll("blocks") List<List<StateArbitraries.Op>> blocks) {
    WorldState state = WorldState.empty();
    ReferenceState model = new ReferenceState();
    for (List<StateArbitraries.Op> block : blocks) {
      state.apply(StateArbitraries.diffOf(block));
      model.applyAll(block);
    }
    // The model's accounts carry arbitrary storage roots: fromFlat must recompute them.
    WorldState rebuilt =
        WorldState.fromFlat(model.accounts, model.storage, ParallelHashing.on(POOL, 0));
    assertThat(rebuilt.stateRoot()).isEqualTo(state.stateRoot());
    assertReadsMatch(rebuilt.view(), model);
    // And the rebuilt state keeps going like the original.
    StateDiff more = StateArbitraries.diffOf(blocks.getFirst());
    state.apply(more);
    rebuilt.apply(more);
    assertThat(rebuilt.stateRoot()).isEqualTo(state.stateRoot());
  }

  @Property(tries = 200)
  void mergedDiffEqualsSequentialApplication(
      @ForAll("blocks") List<List<StateArbitraries.Op>> blocks) {
    WorldState sequential = WorldState.empty();
    StateDiff merged = StateDiff.EMPTY;
    for (List<StateArbitraries.Op> block : blocks) {
      StateDiff diff = StateArbitraries.diffOf(block);
      sequential.apply(diff);
      merged = merged.then(diff);
    }
    WorldState once = WorldState.empty();
    once.apply(merged);
    assertThat(once.stateRoot()).isEqualTo(sequential.stateRoot());
  }

  @Property(tries = 200)
  void snapshotsKeepTheirVersion(@ForAll("blocks") List<List<StateArbitraries.Op>> blocks) {
    WorldState state = WorldState.empty();
    ReferenceState model = new ReferenceState();
    List<StateSnapshot> views = new ArrayList<>();
    List<Map<Object, Object>> expected = new ArrayList<>();
    views.add(state.view());
    expected.add(reads(model));
    for (List<StateArbitraries.Op> block : blocks) {
      state.apply(StateArbitraries.diffOf(block));
      model.applyAll(block);
      views.add(state.view());
      expected.add(reads(model));
    }
    for (int i = 0; i < views.size(); i++) {
      assertThat(reads(views.get(i))).as("view %d", i).isEqualTo(expected.get(i));
    }
  }

  @Property(tries = 200)
  void proofsVerifyForPresentAndAbsentAccountsAndSlots(
      @ForAll("blocks") List<List<StateArbitraries.Op>> blocks) {
    WorldState state = WorldState.empty();
    ReferenceState model = new ReferenceState();
    for (List<StateArbitraries.Op> block : blocks) {
      state.apply(StateArbitraries.diffOf(block));
      model.applyAll(block);
    }
    Hash root = state.stateRoot();
    for (Address address : ADDRESSES) {
      AccountProof proof = state.proof(address, SLOTS);
      assertThat(proof.account()).isEqualTo(model.account(address));
      assertThat(proof.verify(root)).isTrue();
      for (int i = 0; i < SLOTS.size(); i++) {
        assertThat(proof.storageProof().get(i).value())
            .isEqualTo(model.word(address, SLOTS.get(i)));
      }
      // A lie about any field fails.
      AccountProof richer =
          new AccountProof(
              address,
              proof.accountProof(),
              proof.balance().value().signum() == 0
                  ? io.paraseq.protocol.tx.Wei.of(1)
                  : io.paraseq.protocol.tx.Wei.ZERO,
              proof.nonce(),
              proof.codeHash(),
              proof.storageHash(),
              proof.storageProof());
      assertThat(richer.verify(root)).isFalse();
      StorageProof first = proof.storageProof().getFirst();
      StorageProof lie =
          new StorageProof(
              first.key(), first.value().isZero() ? Word.of(7) : Word.ZERO, first.proof());
      AccountProof lying =
          new AccountProof(
              address,
              proof.accountProof(),
              proof.balance(),
              proof.nonce(),
              proof.codeHash(),
              proof.storageHash(),
              List.of(lie));
      assertThat(lying.verify(root)).isFalse();
    }
  }

  private static void assertReadsMatch(StateView view, ReferenceState model) {
    assertThat(reads(view)).isEqualTo(reads(model));
  }

  private static Map<Object, Object> reads(StateView view) {
    Map<Object, Object> out = new HashMap<>();
    for (Address address : ADDRESSES) {
      out.put(StateKey.account(address), view.account(address));
      for (Hash slot : SLOTS) {
        out.put(StateKey.storage(address, slot), view.storage(address, slot));
      }
    }
    return out;
  }

  private static Map<Object, Object> reads(ReferenceState model) {
    Map<Object, Object> out = new HashMap<>();
    for (Address address : ADDRESSES) {
      out.put(StateKey.account(address), model.account(address));
      for (Hash slot : SLOTS) {
        out.put(StateKey.storage(address, slot), model.word(address, slot));
      }
    }
    return out;
  }
}
