package io.paraseq.protocol.state;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;
import java.util.Optional;

/**
 * The world state as of one applied diff, read-only and unchanging while the {@link WorldState}
 * applies later diffs. Safe to read from any number of threads at once.
 *
 * <p>Reads cost two hash lookups plus one per diff applied since the snapshot was taken, so hand
 * one out per block or per request rather than keeping it for long; a held snapshot also keeps the
 * undo records of every later diff in memory.
 */
public final class StateSnapshot implements StateView {

  private final FlatState live;
  private final Epoch epoch;
  private final Hash stateRoot;

  StateSnapshot(FlatState live, Epoch epoch, Hash stateRoot) {
    this.live = live;
    this.epoch = epoch;
    this.stateRoot = stateRoot;
  }

  /** The state root of this version. */
  public Hash stateRoot() {
    return stateRoot;
  }

  @Override
  public Account account(Address address) {
    Objects.requireNonNull(address, "address");
    Optional<Account> current = live.account(address); // live first; see Epoch
    for (Optional<Epoch.Undo> undo = epoch.undo();
        undo.isPresent();
        undo = undo.get().next().undo()) {
      Optional<Account> old = undo.get().accounts().get(address);
      if (old != null) {
        return old.orElse(Account.EMPTY);
      }
    }
    return current.orElse(Account.EMPTY);
  }

  @Override
  public Word storage(Address address, Hash slot) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(slot, "slot");
    Word current = live.storage(address, slot); // live first; see Epoch
    for (Optional<Epoch.Undo> undo = epoch.undo();
        undo.isPresent();
        undo = undo.get().next().undo()) {
      Epoch.StorageUndo old = undo.get().storage().get(address);
      if (old != null) {
        Optional<Word> value = old.old(slot);
        if (value.isPresent()) {
          return value.get();
        }
      }
    }
    return current;
  }

  @Override
  public String toString() {
    return "StateSnapshot[stateRoot=" + stateRoot + "]";
  }
}
