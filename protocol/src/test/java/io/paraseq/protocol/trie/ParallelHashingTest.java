package io.paraseq.protocol.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/** Parallel hashing gives exactly the sequential roots and committed nodes. */
class ParallelHashingTest {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

  @AfterContainer
  static void shutDown() {
    POOL.shutdownNow();
  }

  @Provide
  Arbitrary<Map<Bytes, Bytes>> entries() {
    Arbitrary<Bytes> keys =
        Arbitraries.frequencyOf(
            Tuple.of(1, TrieArbitraries.keys()),
            Tuple.of(3, Arbitraries.bytes().list().ofSize(32).map(TrieArbitraries::bytes)));
    return Arbitraries.maps(keys, TrieArbitraries.values()).ofMaxSize(400);
  }

  @Provide
  Arbitrary<List<Bytes>> deletions() {
    return TrieArbitraries.keys().list().ofMaxSize(30);
  }

  @Property(tries = 150)
  void parallelHashingEqualsSequentialHashing(
      @ForAll("entries") Map<Bytes, Bytes> initial,
      @ForAll("entries") Map<Bytes, Bytes> updates,
      @ForAll("deletions") List<Bytes> deletions) {
    MerkleTrie sequential = MerkleTrie.build(initial);
    InMemoryTrieNodeStore parallelStore = new InMemoryTrieNodeStore();
    MerkleTrie parallel = MerkleTrie.build(initial, parallelStore, ParallelHashing.on(POOL, 0));
    assertThat(parallel.rootHash()).isEqualTo(sequential.rootHash());

    for (MerkleTrie trie : List.of(sequential, parallel)) {
      updates.forEach(trie::put);
      deletions.forEach(trie::delete);
    }
    Hash expected = sequential.rootHash();
    TrieCommit commit = parallel.commit();
    assertThat(commit.root()).isEqualTo(expected);

    Map<Bytes, Bytes> state = snapshot(initial, updates, deletions);
    TrieCommit reference =
        MerkleTrie.build(state, new InMemoryTrieNodeStore(), ParallelHashing.sequential()).commit();
    TrieCommit fresh =
        MerkleTrie.build(state, new InMemoryTrieNodeStore(), ParallelHashing.on(POOL, 0)).commit();
    assertThat(fresh.root()).isEqualTo(expected);
    assertThat(fresh.nodes()).isEqualTo(reference.nodes());
  }

  @Example
  void aLargeSecureTrieHashesTheSameInParallelAfterEveryBatch() {
    Random random = new Random(42);
    Map<Bytes, Bytes> accounts = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      accounts.put(randomBytes(random, 20), randomBytes(random, 70));
    }
    SecureMerkleTrie sequential = SecureMerkleTrie.build(accounts);
    SecureMerkleTrie parallel =
        SecureMerkleTrie.build(accounts, TrieNodeStore.none(), ParallelHashing.on(POOL, 100));
    List<Bytes> keys = List.copyOf(accounts.keySet());
    for (int batch = 0; batch < 5; batch++) {
      for (int i = 0; i < 2_000; i++) {
        Bytes key = i % 10 == 0 ? randomBytes(random, 20) : keys.get(random.nextInt(keys.size()));
        Bytes value = i % 7 == 0 ? Bytes.EMPTY : randomBytes(random, 70);
        sequential.put(key, value);
        parallel.put(key, value);
      }
      assertThat(parallel.rootHash()).as("batch %d", batch).isEqualTo(sequential.rootHash());
    }
  }

  private static Bytes randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return Bytes.of(bytes);
  }

  private static Map<Bytes, Bytes> snapshot(
      Map<Bytes, Bytes> initial, Map<Bytes, Bytes> updates, List<Bytes> deletions) {
    Map<Bytes, Bytes> state = new HashMap<>(initial);
    state.putAll(updates);
    deletions.forEach(state::remove);
    return state;
  }
}
