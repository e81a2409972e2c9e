package io.paraseq.protocol.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MerkleTrieTest {

  private static Bytes utf8(String text) {
    return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theEmptyTrieHasTheEmptyRoot() {
    assertThat(MerkleTrie.EMPTY_ROOT).isEqualTo(Hash.keccak(Bytes.of((byte) 0x80)));
    MerkleTrie trie = MerkleTrie.empty();
    assertThat(trie.rootHash()).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(trie.isEmpty()).isTrue();
    assertThat(trie.get(utf8("a"))).isEmpty();
    assertThat(trie.commit().nodes()).isEmpty();
  }

  @Test
  void dogsHaveTheReferenceRoot() {
    MerkleTrie trie = MerkleTrie.empty();
    trie.put(utf8("doe"), utf8("reindeer"));
    trie.put(utf8("dog"), utf8("puppy"));
    trie.put(utf8("dogglesworth"), utf8("cat"));
    assertThat(trie.rootHash())
        .isEqualTo(
            Hash.fromHex("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"));
    assertThat(trie.get(utf8("dog"))).contains(utf8("puppy"));
    assertThat(trie.get(utf8("do"))).isEmpty();
  }

  @Test
  void theEmptyKeyIsAKeyLikeAnyOther() {
    MerkleTrie trie = MerkleTrie.empty();
    trie.put(Bytes.EMPTY, utf8("root value"));
    trie.put(utf8("a"), utf8("b"));
    assertThat(trie.get(Bytes.EMPTY)).contains(utf8("root value"));
    trie.delete(utf8("a"));
    assertThat(trie.rootHash())
        .isEqualTo(MerkleTrie.build(Map.of(Bytes.EMPTY, utf8("root value"))).rootHash());
  }

  @Test
  void commitStoresASmallRootUnderItsHashAndLoadsBack() {
    InMemoryTrieNodeStore store = new InMemoryTrieNodeStore();
    MerkleTrie trie = MerkleTrie.empty(store, ParallelHashing.sequential());
    trie.put(utf8("a"), utf8("b"));
    TrieCommit commit = trie.commit();
    assertThat(commit.nodes()).containsOnlyKeys(commit.root());
    assertThat(store.size()).isEqualTo(1);
    MerkleTrie loaded = MerkleTrie.load(commit.root(), store, ParallelHashing.sequential());
    assertThat(loaded.get(utf8("a"))).contains(utf8("b"));
    assertThat(loaded.rootHash()).isEqualTo(commit.root());
  }

  @Test
  void aMissingNodeIsReportedWithItsHash() {
    Hash unknown = Hash.keccak(utf8("nowhere"));
    MerkleTrie trie =
        MerkleTrie.load(unknown, new InMemoryTrieNodeStore(), ParallelHashing.sequential());
    assertThat(trie.rootHash()).isEqualTo(unknown);
    assertThatThrownBy(() -> trie.get(utf8("a")))
        .isInstanceOfSatisfying(
            MissingTrieNodeException.class, e -> assertThat(e.hash()).isEqualTo(unknown));
  }

  @Test
  void aStoreWithACorruptNodeIsAnError() {
    InMemoryTrieNodeStore store = new InMemoryTrieNodeStore();
    Bytes garbage = Bytes.fromHex("0xc3808080");
    store.putAll(Map.of(Hash.keccak(garbage), garbage));
    MerkleTrie trie = MerkleTrie.load(Hash.keccak(garbage), store, ParallelHashing.sequential());
    assertThatThrownBy(() -> trie.get(utf8("a"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void updatingToTheSameValueKeepsTheCachedHashes() {
    MerkleTrie trie = MerkleTrie.build(Map.of(utf8("dog"), utf8("puppy"), utf8("doe"), utf8("x")));
    Hash root = trie.rootHash();
    trie.put(utf8("dog"), utf8("puppy"));
    trie.delete(utf8("cat"));
    assertThat(trie.rootHash()).isEqualTo(root);
  }

  @Test
  void parallelHashingUsesTheExecutorAboveTheThresholdOnly() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountingExecutor counting = new CountingExecutor(pool);
      Map<Bytes, Bytes> entries = new HashMap<>();
      for (int i = 0; i < 300; i++) {
        entries.put(Hash.keccak(Bytes.of((byte) i, (byte) (i >> 8))).bytes(), utf8("v" + i));
      }
      MerkleTrie trie =
          MerkleTrie.build(entries, TrieNodeStore.none(), ParallelHashing.on(counting, 100));
      assertThat(trie.rootHash()).isEqualTo(MerkleTrie.build(entries).rootHash());
      assertThat(counting.tasks.get()).isGreaterThan(1);
      counting.tasks.set(0);
      trie.put(utf8("one more"), utf8("value"));
      trie.rootHash();
      assertThat(counting.tasks.get()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Counts the tasks it hands to a real pool. */
  private static final class CountingExecutor extends AbstractExecutorService {
    final AtomicInteger tasks = new AtomicInteger();
    private final ExecutorService delegate;

    CountingExecutor(ExecutorService delegate) {
      this.delegate = delegate;
    }

    @Override
    public void execute(Runnable command) {
      tasks.incrementAndGet();
      delegate.execute(command);
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }
  }
}
