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

  /**
   * The account record (nonce, balance, code hash) of {@code address}. A final class rather than a
   * record so it can keep its hash code: Block-STM hashes and compares keys on every state access.
   */
  final class AccountKey implements StateKey {
    private final Address address;
    private final int hash;

    /** Checks the address is present. */
    public AccountKey(Address address) {
      this.address = Objects.requireNonNull(address, "address");
      this.hash = address.hashCode();
    }

    @Override
    public Address address() {
      return address;
    }

    @Override
    public boolean equals(Object o) {
      return this == o
          || o instanceof AccountKey other && hash == other.hash && address.equals(other.address);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "AccountKey[address=" + address + "]";
    }
  }

  /**
   * The storage slot {@code slot} of {@code address}. A final class rather than a record so it can
   * keep its hash code and compare it before the 52 bytes of address and slot.
   */
  final class StorageKey implements StateKey {
    private final Address address;
    private final Hash slot;
    private final int hash;

    /** Checks both parts are present. */
    public StorageKey(Address address, Hash slot) {
      this.address = Objects.requireNonNull(address, "address");
      this.slot = Objects.requireNonNull(slot, "slot");
      this.hash = 31 * address.hashCode() + slot.hashCode();
    }

    @Override
    public Address address() {
      return address;
    }

    /** The slot within {@code address}'s storage. */
    public Hash slot() {
      return slot;
    }

    @Override
    public boolean equals(Object o) {
      return this == o
          || o instanceof StorageKey other
              && hash == other.hash
              && slot.equals(other.slot)
              && address.equals(other.address);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "StorageKey[address=" + address + ", slot=" + slot + "]";
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
