package io.paraseq.protocol.state;

import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.trie.SecureMerkleTrie;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obvious model of the state for tests: plain sorted maps, a diff applied write by write in the
 * documented order, and the root computed from scratch by building every trie anew.
 */
final class ReferenceState {

  final TreeMap<Address, Account> accounts = new TreeMap<>();
  final TreeMap<Address, TreeMap<Hash, Word>> storage = new TreeMap<>();

  /** Applies one write, with the meaning the builder documents. */
  void apply(StateArbitraries.Op op) {
    switch (op) {
      case StateArbitraries.SetAccount set -> accounts.put(set.address(), set.account());
      case StateArbitraries.DeleteAccount delete -> {
        accounts.remove(delete.address());
        storage.remove(delete.address());
      }
      case StateArbitraries.SetStorage set -> {
        TreeMap<Hash, Word> slots = storage.computeIfAbsent(set.address(), a -> new TreeMap<>());
        if (set.value().isZero()) {
          slots.remove(set.slot());
        } else {
          slots.put(set.slot(), set.value());
        }
        if (slots.isEmpty()) {
          storage.remove(set.address());
        }
        accounts.putIfAbsent(set.address(), Account.EMPTY);
      }
    }
  }

  void applyAll(List<StateArbitraries.Op> ops) {
    ops.forEach(this::apply);
  }

  Account account(Address address) {
    Account account = accounts.getOrDefault(address, Account.EMPTY);
    return accounts.containsKey(address)
        ? account.withStorageRoot(storageRoot(address))
        : Account.EMPTY;
  }

  Word word(Address address, Hash slot) {
    return storage.getOrDefault(address, new TreeMap<>()).getOrDefault(slot, Word.ZERO);
  }

  Hash storageRoot(Address address) {
    Map<Bytes, Bytes> entries = new HashMap<>();
    storage
        .getOrDefault(address, new TreeMap<>())
        .forEach(
            (slot, value) ->
                entries.put(
                    slot.bytes(), new RlpWriter().writeBigInteger(value.toBigInteger()).toBytes()));
    return entries.isEmpty() ? MerkleTrie.EMPTY_ROOT : SecureMerkleTrie.build(entries).rootHash();
  }

  Hash root() {
    Map<Bytes, Bytes> entries = new HashMap<>();
    accounts.keySet().forEach(a -> entries.put(a.bytes(), account(a).encode()));
    return SecureMerkleTrie.build(entries).rootHash();
  }
}
