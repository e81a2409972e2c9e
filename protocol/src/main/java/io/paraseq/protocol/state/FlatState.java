package io.paraseq.protocol.state;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live flat state: account records and storage slots in concurrent maps. Only the {@link
 * WorldState} writer mutates it; {@link StateSnapshot}s read it from any thread and correct what
 * they read with the {@link Epoch} undo chain. No zero word and no empty storage map is stored.
 */
final class FlatState {

  private final ConcurrentHashMap<Address, Account> accounts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Address, ConcurrentHashMap<Hash, Word>> storage =
      new ConcurrentHashMap<>();

  Optional<Account> account(Address address) {
    return Optional.ofNullable(accounts.get(address));
  }

  Word storage(Address address, Hash slot) {
    Map<Hash, Word> slots = storage.get(address);
    if (slots == null) {
      return Word.ZERO;
    }
    return slots.getOrDefault(slot, Word.ZERO);
  }

  /** A copy of every non-zero slot of {@code address}. */
  Map<Hash, Word> storageOf(Address address) {
    Map<Hash, Word> slots = storage.get(address);
    return slots == null ? Map.of() : Map.copyOf(slots);
  }

  int accountCount() {
    return accounts.size();
  }

  // Writer side.

  void putAccount(Address address, Account account) {
    accounts.put(address, account);
  }

  void removeAccount(Address address) {
    accounts.remove(address);
  }

  /** Drops all storage of {@code address} (replacing the map, never clearing it in place). */
  void clearStorage(Address address) {
    storage.remove(address);
  }

  void putStorage(Address address, Hash slot, Word value) {
    if (value.isZero()) {
      Map<Hash, Word> slots = storage.get(address);
      if (slots != null) {
        slots.remove(slot);
        if (slots.isEmpty()) {
          storage.remove(address);
        }
      }
    } else {
      storage.computeIfAbsent(address, a -> new ConcurrentHashMap<>()).put(slot, value);
    }
  }
}
