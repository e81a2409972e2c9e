package io.paraseq.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** StateDiff: merging is associative with EMPTY as identity, and builds in write order. */
class StateDiffPropertiesTest {

  @Provide
  Arbitrary<StateDiff> diffs() {
    return StateArbitraries.diffs();
  }

  @Provide
  Arbitrary<List<StateArbitraries.Op>> ops() {
    return StateArbitraries.block();
  }

  @Property
  void mergeIsAssociative(
      @ForAll("diffs") StateDiff a, @ForAll("diffs") StateDiff b, @ForAll("diffs") StateDiff c) {
    assertThat(a.then(b).then(c)).isEqualTo(a.then(b.then(c)));
  }

  @Property
  void emptyIsTheIdentity(@ForAll("diffs") StateDiff a) {
    assertThat(a.then(StateDiff.EMPTY)).isEqualTo(a);
    assertThat(StateDiff.EMPTY.then(a)).isEqualTo(a);
  }

  @Property
  void builderEqualsMergingOneWriteDiffs(@ForAll("ops") List<StateArbitraries.Op> ops) {
    StateDiff merged = StateDiff.EMPTY;
    for (StateArbitraries.Op op : ops) {
      merged = merged.then(StateArbitraries.diffOf(List.of(op)));
    }
    assertThat(StateArbitraries.diffOf(ops)).isEqualTo(merged);
  }

  @Property
  void builderAddEqualsThen(@ForAll("diffs") StateDiff a, @ForAll("diffs") StateDiff b) {
    assertThat(StateDiff.builder().add(a).add(b).build()).isEqualTo(a.then(b));
  }

  @Property
  void writtenKeysAreSortedAndCoverEveryWrite(@ForAll("diffs") StateDiff diff) {
    List<StateKey> keys = diff.writtenKeys();
    List<StateKey> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertThat(keys).isEqualTo(sorted).doesNotHaveDuplicates();
    diff.changes()
        .forEach(
            (address, change) -> {
              assertThat(keys).contains(StateKey.account(address));
              change
                  .storage()
                  .keySet()
                  .forEach(slot -> assertThat(keys).contains(StateKey.storage(address, slot)));
            });
  }

  @Test
  void laterWritesWinAndZeroWritesAreKept() {
    Address a = StateArbitraries.address(1);
    StateDiff first =
        StateDiff.builder().setStorage(a, StateArbitraries.slot(0), Word.of(5)).build();
    StateDiff second =
        StateDiff.builder().setStorage(a, StateArbitraries.slot(0), Word.ZERO).build();
    assertThat(first.then(second).changes().get(a).storage())
        .isEqualTo(Map.of(StateArbitraries.slot(0), Word.ZERO));
  }

  @Test
  void deletionClearsEarlierStorageAndLaterStorageSurvives() {
    Address a = StateArbitraries.address(2);
    StateDiff diff =
        StateDiff.builder()
            .setStorage(a, StateArbitraries.slot(0), Word.of(1))
            .deleteAccount(a)
            .setStorage(a, StateArbitraries.slot(1), Word.of(2))
            .build();
    AccountChange change = diff.changes().get(a);
    assertThat(change.write()).isEqualTo(AccountWrite.DELETED);
    assertThat(change.storageCleared()).isTrue();
    assertThat(change.storage()).isEqualTo(Map.of(StateArbitraries.slot(1), Word.of(2)));
  }

  @Test
  void changesAreSortedAndUnmodifiable() {
    Map<Address, AccountChange> unsorted = new java.util.HashMap<>();
    for (int i = 7; i >= 0; i--) {
      unsorted.put(StateArbitraries.address(i), AccountChange.of(AccountWrite.DELETED));
    }
    StateDiff diff = new StateDiff(new TreeMap<>(unsorted));
    assertThat(diff.changes().firstKey()).isEqualTo(StateArbitraries.address(0));
    assertThatThrownBy(() -> diff.changes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void clearingStorageNeedsAnAccountWrite() {
    assertThatThrownBy(() -> new AccountChange(AccountWrite.UNCHANGED, true, new TreeMap<>()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AccountChange.of(AccountWrite.DELETED).storageCleared()).isTrue();
  }
}
