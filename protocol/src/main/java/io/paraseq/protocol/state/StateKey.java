package io.paraseq.protocol.state;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * One location of the world state: an account or one storage slot of an account. Block-STM keys its
 * multi-version memory and its read and write sets by it. Ordered by address, then the account
 * before its slots, then by slot. Immutable.
 */
public sealed interface StateKey extends Comparable<StateKey> {

  /** The account whose state this location belongs to. */
  Address address();

  /** The account record (nonce, balance, code hash) of {@code address}. */
  record AccountKey(Address address) implements StateKey {
    /** Checks the address is present. */
    public AccountKey {
      Objects.requireNonNull(address, "address");
    }
  }

  /** The storage slot {@code slot} of {@code address}. */
  record StorageKey(Address address, Hash slot) implements StateKey {
    /** Checks both parts are present. */
    public StorageKey {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(slot, "slot");
    }
  }

  /** The location of {@code address}'s account. */
  static StateKey account(Address address) {
    return new AccountKey(address);
  }

  /** The location of {@code address}'s storage slot {@code slot}. */
  static StateKey storage(Address address, Hash slot) {
    return new StorageKey(address, slot);
  }

  @Override
  default int compareTo(StateKey other) {
    int byAddress = address().compareTo(other.address());
    if (byAddress != 0) {
      return byAddress;
    }
    return switch (this) {
      case AccountKey mine -> other instanceof AccountKey ? 0 : -1;
      case StorageKey mine ->
          other instanceof StorageKey theirs ? mine.slot().compareTo(theirs.slot()) : 1;
    };
  }
}
