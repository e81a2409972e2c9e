package io.paraseq.protocol.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The root depends only on the key/value set; reads and ordered search agree with a model map. */
class MerkleTriePropertiesTest {

  @Provide
  Arbitrary<Map<Bytes, Bytes>> entries() {
    return TrieArbitraries.entries();
  }

  @Provide
  Arbitrary<List<Bytes>> probes() {
    return TrieArbitraries.keys().list().ofMaxSize(20);
  }

  /** A sequence of updates: a key and a value, the empty value meaning delete. */
  @Provide
  Arbitrary<List<Map.Entry<Bytes, Bytes>>> operations() {
    Arbitrary<Bytes> valueOrDelete =
        Arbitraries.frequencyOf(
            Tuple.of(3, TrieArbitraries.values()), Tuple.of(1, Arbitraries.just(Bytes.EMPTY)));
    return Combinators.combine(TrieArbitraries.keys(), valueOrDelete)
        .as(Map::entry)
        .list()
        .ofMaxSize(80);
  }

  @Property
  void rootIsIndependentOfInsertionOrder(
      @ForAll("entries") Map<Bytes, Bytes> entries, @ForAll long seed) {
    List<Map.Entry<Bytes, Bytes>> shuffled = new ArrayList<>(entries.entrySet());
    Collections.shuffle(shuffled, new Random(seed));
    MerkleTrie a = MerkleTrie.empty();
    shuffled.forEach(e -> a.put(e.getKey(), e.getValue()));
    Collections.reverse(shuffled);
    MerkleTrie b = MerkleTrie.empty();
    shuffled.forEach(e -> b.put(e.getKey(), e.getValue()));
    assertThat(a.rootHash())
        .isEqualTo(b.rootHash())
        .isEqualTo(MerkleTrie.build(entries).rootHash());
  }

  @Property
  void deletingThenReinsertingGivesTheSameRoot(
      @ForAll("entries") Map<Bytes, Bytes> entries, @ForAll long seed) {
    MerkleTrie trie = MerkleTrie.build(entries);
    Hash before = trie.rootHash();
    List<Bytes> removed = new ArrayList<>(entries.keySet());
    Collections.shuffle(removed, new Random(seed));
    removed = removed.subList(0, removed.size() / 2);
    removed.forEach(trie::delete);
    Map<Bytes, Bytes> rest = new TreeMap<>(entries);
    removed.forEach(rest::remove);
    assertThat(trie.rootHash()).isEqualTo(MerkleTrie.build(rest).rootHash());
    removed.forEach(key -> trie.put(key, entries.get(key)));
    assertThat(trie.rootHash()).isEqualTo(before);
  }

  @Property
  void deletingEveryKeyGivesTheEmptyRoot(
      @ForAll("entries") Map<Bytes, Bytes> entries, @ForAll long seed) {
    MerkleTrie trie = MerkleTrie.build(entries);
    trie.rootHash();
    List<Bytes> keys = new ArrayList<>(entries.keySet());
    Collections.shuffle(keys, new Random(seed));
    keys.forEach(key -> trie.put(key, Bytes.EMPTY));
    assertThat(trie.isEmpty()).isTrue();
    assertThat(trie.rootHash()).isEqualTo(MerkleTrie.EMPTY_ROOT);
  }

  @Property
  void incrementalHashingEqualsHashingFromScratch(
      @ForAll("entries") Map<Bytes, Bytes> entries,
      @ForAll("operations") List<Map.Entry<Bytes, Bytes>> operations) {
    MerkleTrie trie = MerkleTrie.build(entries);
    trie.rootHash();
    Map<Bytes, Bytes> model = new TreeMap<>(entries);
    int step = 0;
    for (Map.Entry<Bytes, Bytes> op : operations) {
      apply(trie, model, op);
      if (++step % 7 == 0) {
        assertThat(trie.rootHash()).isEqualTo(MerkleTrie.build(model).rootHash());
      }
    }
    assertThat(trie.rootHash()).isEqualTo(MerkleTrie.build(model).rootHash());
  }

  @Property
  void readsAndOrderedSearchAgreeWithAModel(
      @ForAll("operations") List<Map.Entry<Bytes, Bytes>> operations,
      @ForAll("probes") List<Bytes> probes) {
    MerkleTrie trie = MerkleTrie.empty();
    TreeMap<Bytes, Bytes> model = new TreeMap<>();
    operations.forEach(op -> apply(trie, model, op));
    List<Bytes> keys = new ArrayList<>(probes);
    keys.addAll(model.keySet());
    for (Bytes key : keys) {
      assertThat(trie.get(key)).as("get %s", key).isEqualTo(Optional.ofNullable(model.get(key)));
      assertThat(trie.nextKey(key))
          .as("next %s", key)
          .isEqualTo(Optional.ofNullable(model.higherKey(key)));
      assertThat(trie.previousKey(key))
          .as("previous %s", key)
          .isEqualTo(Optional.ofNullable(model.lowerKey(key)));
    }
    assertThat(trie.isEmpty()).isEqualTo(model.isEmpty());
  }

  @Property(tries = 200)
  void secureTrieIsThePlainTrieOfHashedKeys(@ForAll("entries") Map<Bytes, Bytes> entries) {
    SecureMerkleTrie secure = SecureMerkleTrie.empty();
    MerkleTrie plain = MerkleTrie.empty();
    entries.forEach(
        (key, value) -> {
          secure.put(key, value);
          plain.put(Hash.keccak(key).bytes(), value);
        });
    assertThat(secure.rootHash())
        .isEqualTo(plain.rootHash())
        .isEqualTo(SecureMerkleTrie.build(entries).rootHash());
    entries.forEach((key, value) -> assertThat(secure.get(key)).contains(value));
  }

  private static void apply(MerkleTrie trie, Map<Bytes, Bytes> model, Map.Entry<Bytes, Bytes> op) {
    trie.put(op.getKey(), op.getValue());
    if (op.getValue().isEmpty()) {
      model.remove(op.getKey());
    } else {
      model.put(op.getKey(), op.getValue());
    }
  }
}
