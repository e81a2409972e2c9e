package io.paraseq.protocol.state;

import io.paraseq.protocol.state.RebuildProgress.Stage;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.trie.SecureMerkleTrie;
import io.paraseq.protocol.trie.TrieNodeStore;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link WorldState} from flat account and storage rows (the restart path): each storage
 * trie, then the account trie, bottom-up in one pass each. Used once, by one thread.
 */
final class WorldStateLoader {

  /** Progress is reported about this many times per stage. */
  private static final int REPORTS = 100;

  private final ParallelHashing hashing;
  private final RebuildProgress progress;

  WorldStateLoader(ParallelHashing hashing, RebuildProgress progress) {
    this.hashing = Objects.requireNonNull(hashing, "hashing");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  WorldState load(Map<Address, Account> accounts, Map<Address, ? extends Map<Hash, Word>> storage) {
    Set<Address> addresses = new HashSet<>(accounts.keySet());
    storage.forEach(
        (address, slots) -> {
          if (!slots.isEmpty()) {
            addresses.add(address);
          }
        });
    long total = addresses.size();
    long step = Math.max(1, total / REPORTS);
    progress.progress(Stage.STORAGE_TRIES, 0, total);

    FlatState live = new FlatState();
    Map<Address, SecureMerkleTrie> storageTries = new HashMap<>();
    Map<Bytes, Bytes> encodedAccounts = HashMap.newHashMap(addresses.size());
    long done = 0;
    for (Address address : addresses) {
      Hash storageRoot = MerkleTrie.EMPTY_ROOT;
      Map<Hash, Word> slots = storage.get(address);
      if (slots != null) {
        Map<Bytes, Bytes> entries = HashMap.newHashMap(slots.size());
        slots.forEach(
            (slot, value) -> {
              if (!value.isZero()) {
                entries.put(slot.bytes(), value.trieValue());
                live.putStorage(address, slot, value);
              }
            });
        if (!entries.isEmpty()) {
          SecureMerkleTrie trie = SecureMerkleTrie.build(entries, TrieNodeStore.none(), hashing);
          storageTries.put(address, trie);
          storageRoot = trie.rootHash();
        }
      }
      Account account = accounts.getOrDefault(address, Account.EMPTY).withStorageRoot(storageRoot);
      live.putAccount(address, account);
      encodedAccounts.put(address.bytes(), account.encode());
      if (++done % step == 0) {
        progress.progress(Stage.STORAGE_TRIES, done, total);
      }
    }
    if (total % step != 0) {
      progress.progress(Stage.STORAGE_TRIES, total, total);
    }

    progress.progress(Stage.ACCOUNT_TRIE, 0, total);
    SecureMerkleTrie accountTrie =
        SecureMerkleTrie.build(encodedAccounts, TrieNodeStore.none(), hashing);
    accountTrie.rootHash();
    progress.progress(Stage.ACCOUNT_TRIE, total, total);
    return new WorldState(live, accountTrie, storageTries, hashing);
  }
}
