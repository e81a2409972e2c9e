package io.paraseq.protocol.state;

import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.trie.SecureMerkleTrie;
import io.paraseq.protocol.trie.TrieNodeStore;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's in-memory world state: flat maps of accounts and storage (what executors read), the
 * secure account trie and one secure storage trie per account with storage (what the state root and
 * proofs come from). Rebuilt from the database's flat rows at start ({@link #fromFlat}), then
 * advanced one block at a time with {@link #apply}.
 *
 * <h2>Threading</h2>
 *
 * <ul>
 *   <li><b>One writer.</b> A single thread, the block producer, owns the instance: it alone calls
 *       {@link #apply} and {@link #proof}. Ownership may pass to another thread (for example from
 *       the startup thread that rebuilt the state) through any happens-before edge such as an
 *       executor hand-off.
 *   <li><b>Any readers.</b> {@link #view()} and {@link #stateRoot()} may be called from any thread.
 *       {@code view()} returns a {@link StateSnapshot} of the state as of the last diff whose
 *       {@code apply} has returned; the snapshot keeps showing exactly that state while the writer
 *       applies later diffs, without locks and without copying the state.
 * </ul>
 *
 * <p>So the block producer takes {@code view()} for block N+1, lets the executors read it (on any
 * threads) and produce the block's {@link StateDiff}, applies the diff, and hands out the next
 * view; RPC readers holding the old view are unaffected.
 *
 * <p>{@link #apply} re-hashes only what changed: the storage tries of the written accounts, whose
 * new roots are written into the account records, then the account trie. Its cost is proportional
 * to the diff, except that deleting (or clearing) an account with storage copies that storage into
 * the undo record older snapshots read. Proofs come from the writer's tries, so {@link #proof} is
 * for the writer thread; an RPC thread asks the owner for them. A diff is not validated against the
 * state; if {@code apply} throws (a bug), the instance must be discarded and rebuilt.
 */
public final class WorldState {

  private final FlatState live;
  private final SecureMerkleTrie accountTrie;
  private final Map<Address, SecureMerkleTrie> storageTries;
  private final ParallelHashing hashing;

  /** The epoch the next diff closes; writer only. */
  private Epoch current;

  /** The snapshot of the last fully applied diff; written by the writer, read by anyone. */
  private volatile StateSnapshot latest;

  WorldState(
      FlatState live,
      SecureMerkleTrie accountTrie,
      Map<Address, SecureMerkleTrie> storageTries,
      ParallelHashing hashing) {
    this.live = live;
    this.accountTrie = accountTrie;
    this.storageTries = storageTries;
    this.hashing = hashing;
    this.current = new Epoch();
    this.latest = new StateSnapshot(live, current, accountTrie.rootHash());
  }

  /** The empty state, hashed sequentially. */
  public static WorldState empty() {
    return empty(ParallelHashing.sequential());
  }

  /** The empty state, hashed with {@code hashing}. */
  public static WorldState empty(ParallelHashing hashing) {
    return new WorldState(new FlatState(), SecureMerkleTrie.empty(), new HashMap<>(), hashing);
  }

  /**
   * The state holding {@code accounts} and {@code storage}, as read from the database's flat rows;
   * the restart path. The tries are built bottom-up in one pass per trie. Each account's {@code
   * storageRoot} is recomputed from {@code storage} (the caller checks the resulting {@link
   * #stateRoot()} against the last block's header); storage of an address without an account
   * creates {@link Account#EMPTY} there; zero words are ignored.
   *
   * @param progress told about the rebuild's progress, on the calling thread
   */
  public static WorldState fromFlat(
      Map<Address, Account> accounts,
      Map<Address, ? extends Map<Hash, Word>> storage,
      ParallelHashing hashing,
      RebuildProgress progress) {
    return new WorldStateLoader(hashing, progress).load(accounts, storage);
  }

  /** {@link #fromFlat} without progress reports. */
  public static WorldState fromFlat(
      Map<Address, Account> accounts,
      Map<Address, ? extends Map<Hash, Word>> storage,
      ParallelHashing hashing) {
    return fromFlat(accounts, storage, hashing, RebuildProgress.none());
  }

  /** The genesis state of {@code alloc}. */
  public static WorldState genesis(GenesisAlloc alloc) {
    Map<Address, Account> accounts = new HashMap<>();
    Map<Address, Map<Hash, Word>> storage = new HashMap<>();
    alloc
        .accounts()
        .forEach(
            (address, allocation) -> {
              accounts.put(
                  address,
                  new Account(
                      allocation.nonce(),
                      allocation.balance(),
                      MerkleTrie.EMPTY_ROOT,
                      allocation.codeHash()));
              if (!allocation.storage().isEmpty()) {
                storage.put(address, allocation.storage());
              }
            });
    return fromFlat(accounts, storage, ParallelHashing.sequential());
  }

  /** The state root as of the last applied diff. Any thread. */
  public Hash stateRoot() {
    return latest.stateRoot();
  }

  /** A snapshot of the state as of the last applied diff. Any thread. */
  public StateSnapshot view() {
    return latest;
  }

  /** Number of accounts. Writer thread. */
  public int accountCount() {
    return live.accountCount();
  }

  /**
   * Applies {@code diff} (see {@link AccountChange} for the order within an address) and recomputes
   * the state root. Writer thread only.
   */
  public void apply(StateDiff diff) {
    Objects.requireNonNull(diff, "diff");
    if (diff.isEmpty()) {
      return;
    }
    Epoch next = new Epoch();
    current.close(undoOf(diff, next)); // publish the old values before changing anything
    diff.changes().forEach(this::applyStorage);
    diff.changes().forEach(this::applyAccount);
    Hash root = accountTrie.rootHash();
    current = next;
    latest = new StateSnapshot(live, next, root);
  }

  /**
   * The {@code eth_getProof} answer for {@code address} and {@code slots} against {@link
   * #stateRoot()}. Writer thread only (tries are single-threaded).
   */
  public AccountProof proof(Address address, List<Hash> slots) {
    Objects.requireNonNull(address, "address");
    Account account = live.account(address).orElse(Account.EMPTY);
    Optional<SecureMerkleTrie> storage = Optional.ofNullable(storageTries.get(address));
    List<StorageProof> storageProofs = new ArrayList<>(slots.size());
    for (Hash slot : slots) {
      List<Bytes> proof = storage.map(trie -> trie.proof(slot.bytes())).orElse(List.of());
      storageProofs.add(new StorageProof(slot, live.storage(address, slot), proof));
    }
    return new AccountProof(
        address,
        accountTrie.proof(address.bytes()),
        account.balance(),
        account.nonce(),
        account.codeHash(),
        account.storageRoot(),
        storageProofs);
  }

  private Epoch.Undo undoOf(StateDiff diff, Epoch next) {
    Map<Address, Optional<Account>> accounts = HashMap.newHashMap(diff.changes().size());
    Map<Address, Epoch.StorageUndo> storage = new HashMap<>();
    diff.changes()
        .forEach(
            (address, change) -> {
              accounts.put(address, live.account(address));
              if (change.storageCleared()) {
                storage.put(
                    address, new Epoch.StorageUndo(Optional.of(live.storageOf(address)), Map.of()));
              } else if (!change.storage().isEmpty()) {
                Map<Hash, Word> slots = HashMap.newHashMap(change.storage().size());
                change.storage().keySet().forEach(s -> slots.put(s, live.storage(address, s)));
                storage.put(address, new Epoch.StorageUndo(Optional.empty(), slots));
              }
            });
    return new Epoch.Undo(accounts, storage, next);
  }

  private void applyStorage(Address address, AccountChange change) {
    if (change.storageCleared()) {
      live.clearStorage(address);
      storageTries.remove(address);
    }
    if (change.storage().isEmpty()) {
      return;
    }
    SecureMerkleTrie trie =
        storageTries.computeIfAbsent(
            address, a -> SecureMerkleTrie.empty(TrieNodeStore.none(), hashing));
    change
        .storage()
        .forEach(
            (slot, value) -> {
              live.putStorage(address, slot, value);
              if (value.isZero()) {
                trie.delete(slot.bytes());
              } else {
                trie.put(slot.bytes(), value.trieValue());
              }
            });
    if (trie.isEmpty()) {
      storageTries.remove(address);
    }
  }

  private void applyAccount(Address address, AccountChange change) {
    Optional<Account> account =
        switch (change.write()) {
          case AccountWrite.Unchanged unchanged -> live.account(address);
          case AccountWrite.Updated updated -> Optional.of(updated.account());
          case AccountWrite.Deleted deleted -> Optional.empty();
        };
    if (account.isEmpty() && !change.storage().isEmpty()) {
      account = Optional.of(Account.EMPTY);
    }
    if (account.isEmpty()) {
      live.removeAccount(address);
      accountTrie.delete(address.bytes());
      return;
    }
    Account rooted = account.get().withStorageRoot(storageRoot(address));
    live.putAccount(address, rooted);
    accountTrie.put(address.bytes(), rooted.encode());
  }

  private Hash storageRoot(Address address) {
    SecureMerkleTrie trie = storageTries.get(address);
    return trie == null ? MerkleTrie.EMPTY_ROOT : trie.rootHash();
  }
}
