package io.paraseq.protocol.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.testing.Json;
import io.paraseq.protocol.testing.TestVectors;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the ethereum/tests TrieTests vectors: one dynamic test per vector.
 *
 * <p>{@code in} is a list of {@code [key, value]} pairs applied in order ({@code null} deletes) or
 * an object (any order); {@code 0x}-prefixed strings are hex bytes, others UTF-8. {@code root} is
 * the expected root; files whose name mentions {@code secure} use the secure trie. Vectors with
 * {@code tests} (trietestnextprev.json) check {@code [key, previous, next]} with {@code ""} for
 * none. Every root vector is also checked against a trie built from the final flat state and one
 * reloaded from its committed nodes. Point it at any folder with:
 *
 * <pre>./mvnw -pl protocol test -Dtest=TrieVectorTest -Dparaseq.vectors.dir=/absolute/folder</pre>
 *
 * <p>The folder's {@code TrieTests} subfolder is used when it has one. Finding no vector fails.
 */
class TrieVectorTest {

  @TestFactory
  List<DynamicTest> trieTests() {
    Path folder = TestVectors.suite("TrieTests");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : TestVectors.jsonFiles(folder)) {
      String prefix = folder.relativize(file).toString();
      boolean secure = file.getFileName().toString().toLowerCase().contains("secure");
      for (Map.Entry<String, Json> vector :
          TestVectors.read(file).asObject().members().entrySet()) {
        Json.Obj body = vector.getValue().asObject();
        String name = prefix + " " + vector.getKey();
        tests.add(DynamicTest.dynamicTest(name, () -> check(body, secure)));
      }
    }
    assertThat(tests).as("trie vectors found under %s", folder).isNotEmpty();
    return tests;
  }

  private static void check(Json.Obj body, boolean secure) {
    List<Map.Entry<Bytes, Optional<Bytes>>> updates = updates(body.require("in"));
    if (body.get("tests").isPresent()) {
      checkIteration(updates, body.require("tests").asArray().elements());
      return;
    }
    Hash expected = Hash.fromHex(body.require("root").asString());
    Map<Bytes, Bytes> state = new LinkedHashMap<>();
    for (Map.Entry<Bytes, Optional<Bytes>> update : updates) {
      Bytes key = secure ? Hash.keccak(update.getKey()).bytes() : update.getKey();
      update.getValue().ifPresentOrElse(v -> state.put(key, v), () -> state.remove(key));
    }
    MerkleTrie trie = MerkleTrie.empty();
    updates.forEach(u -> put(trie, secure, u.getKey(), u.getValue()));
    assertThat(trie.rootHash()).as("root").isEqualTo(expected);
    if (secure) {
      SecureMerkleTrie secureTrie = SecureMerkleTrie.empty();
      updates.forEach(u -> secureTrie.put(u.getKey(), u.getValue().orElse(Bytes.EMPTY)));
      assertThat(secureTrie.rootHash()).as("secure trie root").isEqualTo(expected);
    }
    assertThat(MerkleTrie.build(state).rootHash())
        .as("root built from flat state")
        .isEqualTo(expected);

    InMemoryTrieNodeStore store = new InMemoryTrieNodeStore();
    Hash committed = MerkleTrie.build(state, store, ParallelHashing.sequential()).commit().root();
    MerkleTrie loaded = MerkleTrie.load(committed, store, ParallelHashing.sequential());
    state.forEach((key, value) -> assertThat(loaded.get(key)).contains(value));
    assertThat(loaded.rootHash()).as("reloaded root").isEqualTo(expected);
  }

  private static void put(MerkleTrie trie, boolean secure, Bytes key, Optional<Bytes> value) {
    Bytes path = secure ? Hash.keccak(key).bytes() : key;
    trie.put(path, value.orElse(Bytes.EMPTY));
  }

  /** {@code in} as ordered updates; an empty value is a delete, like {@code null}. */
  private static List<Map.Entry<Bytes, Optional<Bytes>>> updates(Json in) {
    List<Map.Entry<Bytes, Optional<Bytes>>> updates = new ArrayList<>();
    switch (in) {
      case Json.Obj(Map<String, Json> members) ->
          members.forEach((key, value) -> updates.add(Map.entry(bytes(key), value(value))));
      case Json.Arr(List<Json> elements) -> {
        for (Json element : elements) {
          if (element instanceof Json.Arr(List<Json> pair)) {
            updates.add(Map.entry(bytes(pair.get(0).asString()), value(pair.get(1))));
          } else {
            Bytes key = bytes(element.asString());
            updates.add(Map.entry(key, Optional.of(key)));
          }
        }
      }
      default -> throw new IllegalArgumentException("unsupported trie vector input " + in);
    }
    return updates;
  }

  private static Optional<Bytes> value(Json value) {
    return value instanceof Json.Null ? Optional.empty() : Optional.of(bytes(value.asString()));
  }

  private static Bytes bytes(String text) {
    return text.startsWith("0x")
        ? Bytes.fromHex(text)
        : Bytes.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void checkIteration(
      List<Map.Entry<Bytes, Optional<Bytes>>> updates, List<Json> cases) {
    MerkleTrie trie = MerkleTrie.empty();
    updates.forEach(u -> put(trie, false, u.getKey(), u.getValue()));
    assertThat(cases).isNotEmpty();
    for (Json json : cases) {
      List<Json> triple = json.asArray().elements();
      Bytes key = bytes(triple.get(0).asString());
      assertThat(trie.previousKey(key))
          .as("previous of %s", key)
          .isEqualTo(optional(triple.get(1)));
      assertThat(trie.nextKey(key)).as("next of %s", key).isEqualTo(optional(triple.get(2)));
    }
  }

  private static Optional<Bytes> optional(Json text) {
    String value = text.asString();
    return value.isEmpty() ? Optional.empty() : Optional.of(bytes(value));
  }
}
