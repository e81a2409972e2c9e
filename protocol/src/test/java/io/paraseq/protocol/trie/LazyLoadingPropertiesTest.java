package io.paraseq.protocol.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A trie loaded lazily from a node store behaves exactly like the in-memory trie it came from. */
class LazyLoadingPropertiesTest {

  @Provide
  Arbitrary<Map<Bytes, Bytes>> entries() {
    return TrieArbitraries.entries();
  }

  @Provide
  Arbitrary<List<Bytes>> probes() {
    return TrieArbitraries.keys().list().ofMaxSize(20);
  }

  @Property
  void aLoadedTrieGivesTheSameReadsRootsAndProofs(
      @ForAll("entries") Map<Bytes, Bytes> entries, @ForAll("probes") List<Bytes> probes) {
    MerkleTrie memory = MerkleTrie.build(entries);
    InMemoryTrieNodeStore store = new InMemoryTrieNodeStore();
    Hash root = MerkleTrie.build(entries, store, ParallelHashing.sequential()).commit().root();
    MerkleTrie loaded = MerkleTrie.load(root, store, ParallelHashing.sequential());

    assertThat(root).isEqualTo(memory.rootHash());
    for (Bytes key : concat(probes, entries)) {
      assertThat(loaded.get(key)).isEqualTo(memory.get(key));
      assertThat(loaded.proof(key)).isEqualTo(memory.proof(key));
      assertThat(loaded.nextKey(key)).isEqualTo(memory.nextKey(key));
      assertThat(loaded.previousKey(key)).isEqualTo(memory.previousKey(key));
    }
    assertThat(loaded.rootHash()).isEqualTo(root);
  }

  @Property(tries = 300)
  void updatesToALoadedTrieGiveTheSameRootsAndCommitOnlyNewNodes(
      @ForAll("entries") Map<Bytes, Bytes> entries,
      @ForAll("entries") Map<Bytes, Bytes> updates,
      @ForAll("probes") List<Bytes> deletions) {
    InMemoryTrieNodeStore store = new InMemoryTrieNodeStore();
    Hash root = MerkleTrie.build(entries, store, ParallelHashing.sequential()).commit().root();
    MerkleTrie memory = MerkleTrie.build(entries);
    // Each step loads the previous commit afresh, so every read goes through the store.
    for (int round = 0; round < 2; round++) {
      MerkleTrie loaded = MerkleTrie.load(root, store, ParallelHashing.sequential());
      boolean deleting = round == 1;
      for (MerkleTrie trie : List.of(memory, loaded)) {
        updates.forEach((key, value) -> trie.put(key, deleting ? Bytes.EMPTY : value));
        deletions.forEach(trie::delete);
      }
      int before = store.size();
      TrieCommit commit = loaded.commit();
      assertThat(commit.root()).isEqualTo(memory.rootHash());
      assertThat(store.size()).isLessThanOrEqualTo(before + commit.nodes().size());
      commit.nodes().forEach((hash, node) -> assertThat(Hash.keccak(node)).isEqualTo(hash));
      assertThat(loaded.commit().nodes()).as("a second commit has nothing new").isEmpty();
      root = commit.root();
    }
  }

  private static List<Bytes> concat(List<Bytes> probes, Map<Bytes, Bytes> entries) {
    return Stream.concat(probes.stream(), entries.keySet().stream()).toList();
  }
}
