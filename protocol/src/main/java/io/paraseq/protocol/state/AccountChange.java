package io.paraseq.protocol.state;

import io.paraseq.protocol.types.Hash;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a {@link StateDiff} does to one address, applied in this order:
 *
 * <ol>
 *   <li>if {@code storageCleared}, every storage slot of the account is removed;
 *   <li>each entry of {@code storage} is written ({@link Word#ZERO} removes the slot);
 *   <li>{@code write} is applied to the account record;
 *   <li>if the account is then absent but {@code storage} is not empty, the account is created as
 *       {@link Account#EMPTY}: storage always belongs to an account.
 * </ol>
 *
 * <p>Zero writes are kept (not dropped), so that a later change overrides an earlier one when diffs
 * are merged. Immutable.
 *
 * @param write what happens to the account record
 * @param storageCleared whether all earlier storage is removed first; always true for {@link
 *     AccountWrite.Deleted}, never with {@link AccountWrite.Unchanged}
 * @param storage the slot writes, sorted by slot; unmodifiable
 */
public record AccountChange(
    AccountWrite write, boolean storageCleared, NavigableMap<Hash, Word> storage) {

  /**
   * Copies {@code storage} into slot order and normalises {@code storageCleared}.
   *
   * @throws IllegalArgumentException if storage is cleared while the account is left unchanged
   */
  public AccountChange {
    Objects.requireNonNull(write, "write");
    storage = Collections.unmodifiableNavigableMap(new TreeMap<>(storage));
    if (write instanceof AccountWrite.Deleted) {
      storageCleared = true;
    }
    if (storageCleared && write instanceof AccountWrite.Unchanged) {
      throw new IllegalArgumentException(
          "clearing storage needs the account to be updated or deleted");
    }
  }

  /** A change of the account record only. */
  public static AccountChange of(AccountWrite write) {
    return new AccountChange(write, false, Collections.emptyNavigableMap());
  }

  /** Slot writes only. */
  public static AccountChange storage(Map<Hash, Word> storage) {
    return new AccountChange(AccountWrite.UNCHANGED, false, new TreeMap<>(storage));
  }

  /** The change equal to applying this one and then {@code later}. */
  public AccountChange then(AccountChange later) {
    AccountWrite merged = later.write instanceof AccountWrite.Unchanged ? write : later.write;
    if (later.storageCleared) {
      return new AccountChange(merged, true, later.storage);
    }
    TreeMap<Hash, Word> slots = new TreeMap<>(storage);
    slots.putAll(later.storage);
    return new AccountChange(merged, storageCleared, slots);
  }
}
