package io.paraseq.protocol.exec.stm;

import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The block's interning of state locations ({@link MVMemory#internedLocation}) and the incarnation
 * view's slots indexed by location id: one {@link MVMemory.Location} per key whatever thread asks
 * first, ids 0 … n − 1 without gap or repeat, and a view reused across incarnations that answers
 * exactly as a fresh map per incarnation would.
 */
class LocationInterningPropertiesTest {

  private static final Address FEE = address(0xfee);

  /** Keys drawn from a few addresses and slots, so that threads often intern the same key. */
  private static List<StateKey> keys(Random random, int count, int addresses) {
    List<StateKey> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Address address = random.nextInt(8) == 0 ? FEE : address(1 + random.nextInt(addresses));
      keys.add(
          random.nextBoolean()
              ? StateKey.account(address)
              : StateKey.storage(address, slot(random.nextInt(addresses))));
    }
    return keys;
  }

  private static Hash slot(int n) {
    return Hash.keccak(Bytes.of((byte) n, (byte) (n >> 8)));
  }

  /** A fresh, equal but not identical key: interning must not rely on identity. */
  private static StateKey copy(StateKey key) {
    return switch (key) {
      case StateKey.AccountKey account -> StateKey.account(account.address());
      case StateKey.StorageKey storage -> StateKey.storage(storage.address(), storage.slot());
    };
  }

  @Property(tries = 200)
  void concurrentInterningGivesOneLocationPerKeyAndDenseIds(
      @ForAll @IntRange(min = 1, max = 400) int count,
      @ForAll @IntRange(min = 1, max = 60) int addresses,
      @ForAll @IntRange(min = 1, max = 4) int threads,
      @ForAll long seed)
      throws Exception {
    Random random = new Random(seed);
    List<StateKey> keys = keys(random, count, addresses);
    MVMemory memory = new MVMemory(1, WorldState.empty().view(), FEE);
    StateKey feeKey = StateKey.account(FEE);
    List<List<StateKey>> orders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<StateKey> order = new ArrayList<>(keys.stream().map(k -> copy(k)).toList());
      Collections.shuffle(order, new Random(seed + t));
      orders.add(order);
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Map<StateKey, MVMemory.Location>> seen = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Map<StateKey, MVMemory.Location>>> results = new ArrayList<>();
      for (List<StateKey> order : orders) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  Map<StateKey, MVMemory.Location> found = new HashMap<>();
                  for (StateKey key : order) {
                    if (!key.equals(feeKey)) {
                      found.put(key, memory.internedLocation(key));
                    }
                  }
                  return found;
                }));
      }
      start.countDown();
      for (Future<Map<StateKey, MVMemory.Location>> result : results) {
        seen.add(result.get());
      }
    } finally {
      pool.shutdownNow();
    }

    Set<StateKey> distinct = new HashSet<>(keys);
    distinct.remove(feeKey);
    for (Map<StateKey, MVMemory.Location> found : seen) {
      assertThat(found.keySet()).isEqualTo(distinct);
      for (StateKey key : distinct) {
        assertThat(found.get(key)).isSameAs(seen.getFirst().get(key));
        assertThat(memory.locationOf(copy(key))).isSameAs(found.get(key));
      }
    }
    Set<Integer> ids = new HashSet<>();
    IdentityHashMap<MVMemory.Location, Boolean> locations = new IdentityHashMap<>();
    seen.getFirst().values().forEach(location -> locations.put(location, true));
    locations.keySet().forEach(location -> ids.add(location.id()));
    assertThat(locations).hasSize(distinct.size());
    assertThat(ids).hasSize(distinct.size());
    assertThat(ids).allSatisfy(id -> assertThat(id).isBetween(0, distinct.size() - 1));
    assertThat(memory.locationCount()).isEqualTo(distinct.size());
    assertThat(memory.locationOf(feeKey)).isNull();
  }

  /**
   * One view reused for many incarnations of transaction 0 (no lower writer: every first read is
   * the base value), each a random mix of reads and writes, against a model with a fresh map per
   * incarnation: every read gives the incarnation's own last write or else the base value, and the
   * write set holds each written location once, in first-write order, with its last value.
   */
  @Property(tries = 200)
  void aReusedViewAnswersLikeAFreshMapPerIncarnation(
      @ForAll @IntRange(min = 1, max = 30) int incarnations,
      @ForAll @IntRange(min = 1, max = 40) int addresses,
      @ForAll long seed) {
    Random random = new Random(seed);
    Map<Address, Allocation> alloc = new HashMap<>();
    for (int a = 1; a <= addresses; a += 2) {
      alloc.put(address(a), Allocation.of(Wei.of(1_000 + a)).withNonce(a));
    }
    alloc.put(FEE, Allocation.of(Wei.of(77)));
    WorldState state = WorldState.genesis(GenesisAlloc.of(alloc));
    StateView base = state.view();
    MVMemory memory = new MVMemory(2, base, FEE);
    IncarnationView view = new IncarnationView(memory);
    Set<StateKey> previous = Set.of();
    Set<StateKey> touched = new HashSet<>();
    for (int incarnation = 0; incarnation < incarnations; incarnation++) {
      view.begin(0);
      Map<StateKey, Object> own = new LinkedHashMap<>();
      int operations = random.nextInt(60);
      for (int op = 0; op < operations; op++) {
        StateKey key = keys(random, 1, addresses).getFirst();
        boolean write = random.nextInt(3) == 0;
        switch (key) {
          case StateKey.AccountKey account -> {
            if (write) {
              Account value = Account.of(random.nextInt(9), Wei.of(random.nextInt(1_000)));
              view.setAccount(account.address(), value);
              own.put(key, value);
            } else {
              Object expected =
                  own.containsKey(key) ? own.get(key) : base.account(account.address());
              assertThat(view.account(account.address())).isEqualTo(expected);
            }
          }
          case StateKey.StorageKey storage -> {
            if (write) {
              Word value = Word.of(random.nextInt(1_000));
              view.setStorage(storage.address(), storage.slot(), value);
              own.put(key, value);
            } else {
              Object expected =
                  own.containsKey(key)
                      ? own.get(key)
                      : base.storage(storage.address(), storage.slot());
              assertThat(view.storage(storage.address(), storage.slot())).isEqualTo(expected);
            }
          }
        }
      }
      MVMemory.WriteSet writes = view.writes();
      assertThat(writes.size()).isEqualTo(own.size());
      boolean wroteNew = !previous.containsAll(own.keySet());
      assertThat(memory.record(new Version(0, incarnation), view.reads(), writes))
          .isEqualTo(wroteNew);
      // transaction 1 now sees exactly this incarnation's writes, the earlier ones' removed
      touched.addAll(own.keySet());
      for (StateKey key : touched) {
        Object expected =
            own.containsKey(key)
                ? own.get(key)
                : switch (key) {
                  case StateKey.AccountKey account -> base.account(account.address());
                  case StateKey.StorageKey storage ->
                      base.storage(storage.address(), storage.slot());
                };
        assertThat(memory.read(key, 1))
            .isInstanceOfSatisfying(
                ReadResult.Value.class, read -> assertThat(read.value()).isEqualTo(expected));
      }
      previous = own.keySet();
    }
  }
}
