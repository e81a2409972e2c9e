package io.paraseq.protocol.state;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The writes of a block (or of several merged blocks): per address, an {@link AccountChange}.
 * Sorted by address and slot, so equal diffs iterate, encode and apply identically. This is what
 * the node persists with each block and what batch verifiers re-apply. Immutable.
 *
 * <p>{@link #then} merges diffs: {@code a.then(b)} applied to a state equals {@code a} applied and
 * then {@code b}; merging is associative and {@link #EMPTY} is its identity.
 *
 * @param changes the change of each written address, sorted by address; unmodifiable
 */
public record StateDiff(NavigableMap<Address, AccountChange> changes) {

  /** The diff that writes nothing. */
  public static final StateDiff EMPTY = new StateDiff(Collections.emptyNavigableMap());

  /** Copies {@code changes} into address order. */
  public StateDiff {
    changes = Collections.unmodifiableNavigableMap(new TreeMap<>(changes));
  }

  /** A builder that records writes in execution order. */
  public static Builder builder() {
    return new Builder();
  }

  /** True when the diff writes nothing. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The diff equal to applying this one and then {@code later} (later writes win). */
  public StateDiff then(StateDiff later) {
    TreeMap<Address, AccountChange> merged = new TreeMap<>(changes);
    later.changes.forEach((address, change) -> merged.merge(address, change, AccountChange::then));
    return new StateDiff(merged);
  }

  /**
   * The locations this diff writes, in {@link StateKey} order: the account of every address whose
   * record or storage changes (the storage root is part of the record) and every written slot. A
   * storage clear is not listed slot by slot.
   */
  public List<StateKey> writtenKeys() {
    List<StateKey> keys = new ArrayList<>();
    changes.forEach(
        (address, change) -> {
          keys.add(StateKey.account(address));
          change.storage().keySet().forEach(slot -> keys.add(StateKey.storage(address, slot)));
        });
    return Collections.unmodifiableList(keys);
  }

  /**
   * Collects writes in the order they happen; each call has the meaning of a one-write diff merged
   * after the earlier ones. Amortised O(log n) per write. Not thread-safe: one executor thread owns
   * a builder.
   */
  public static final class Builder {

    private final TreeMap<Address, Pending> pending = new TreeMap<>();

    private Builder() {}

    /** Sets the account record of {@code address} (its storage root is ignored on apply). */
    public Builder setAccount(Address address, Account account) {
      entry(address).write = new AccountWrite.Updated(account);
      return this;
    }

    /** Deletes the account of {@code address} and all its storage. */
    public Builder deleteAccount(Address address) {
      Pending entry = entry(address);
      entry.write = AccountWrite.DELETED;
      entry.cleared = true;
      entry.storage.clear();
      return this;
    }

    /** Writes {@code value} to {@code address}'s slot {@code slot}; zero removes the slot. */
    public Builder setStorage(Address address, Hash slot, Word value) {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(value, "value");
      entry(address).storage.put(slot, value);
      return this;
    }

    /** Merges {@code diff} after the writes so far. */
    public Builder add(StateDiff diff) {
      diff.changes.forEach(this::add);
      return this;
    }

    /** Merges {@code change} to {@code address} after the writes so far. */
    public Builder add(Address address, AccountChange change) {
      Pending entry = entry(address);
      if (!(change.write() instanceof AccountWrite.Unchanged)) {
        entry.write = change.write();
      }
      if (change.storageCleared()) {
        entry.cleared = true;
        entry.storage.clear();
      }
      entry.storage.putAll(change.storage());
      return this;
    }

    /** The diff of every write so far; the builder stays usable. */
    public StateDiff build() {
      TreeMap<Address, AccountChange> changes = new TreeMap<>();
      pending.forEach(
          (address, entry) ->
              changes.put(address, new AccountChange(entry.write, entry.cleared, entry.storage)));
      return new StateDiff(changes);
    }

    private Pending entry(Address address) {
      return pending.computeIfAbsent(
          Objects.requireNonNull(address, "address"), a -> new Pending());
    }

    /** The writes to one address so far. */
    private static final class Pending {
      AccountWrite write = AccountWrite.UNCHANGED;
      boolean cleared;
      final TreeMap<Hash, Word> storage = new TreeMap<>();
    }
  }
}
