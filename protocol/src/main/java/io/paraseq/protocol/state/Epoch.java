package io.paraseq.protocol.state;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the world state, as a link in a chain of undo records.
 *
 * <p>Before the writer changes the live {@link FlatState} for the next diff, it {@link #close
 * closes} the current epoch with an {@link Undo} holding the old value of every location the diff
 * will change, and a link to the next epoch. A snapshot of this epoch reads the live value first
 * and then walks the chain: the first undo record that names the location holds its value as of
 * this epoch. Reading the live value <em>first</em> makes this safe without locks: a live value
 * written by a later diff was written after that diff's undo record was published (the live maps
 * are concurrent maps, which give the happens-before edge), so the walk is sure to see the record.
 *
 * <p>Epochs no snapshot refers to become garbage with their undo records; a snapshot held for a
 * long time keeps every later undo record alive and reads more slowly.
 */
final class Epoch {

  /** Written once by the owner thread; null until the next diff starts to apply. */
  private volatile Undo undo;

  /** The undo record of the diff applied after this epoch, once it has started. */
  Optional<Undo> undo() {
    return Optional.ofNullable(undo);
  }

  /** Publishes {@code record}; called once, by the writer, before it changes the live state. */
  void close(Undo record) {
    if (undo != null) {
      throw new IllegalStateException("epoch already closed");
    }
    undo = record;
  }

  /**
   * The values, before one diff, of the locations it changes.
   *
   * @param accounts every address the diff changes → its account before (empty: absent)
   * @param storage every address whose storage the diff changes → its old slots
   * @param next the epoch the diff leads to
   */
  record Undo(
      Map<Address, Optional<Account>> accounts, Map<Address, StorageUndo> storage, Epoch next) {}

  /**
   * Old storage of one address.
   *
   * @param all every old slot, when the diff cleared the storage (then {@code slots} is unused)
   * @param slots the old value (zero when unset) of each slot the diff writes
   */
  record StorageUndo(Optional<Map<Hash, Word>> all, Map<Hash, Word> slots) {

    /** The old value of {@code slot}, if this record knows it. */
    Optional<Word> old(Hash slot) {
      if (all.isPresent()) {
        return Optional.of(all.get().getOrDefault(slot, Word.ZERO));
      }
      return Optional.ofNullable(slots.get(slot));
    }
  }
}
