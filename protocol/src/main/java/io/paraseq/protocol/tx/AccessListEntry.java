package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an EIP-2930 access list: an address and the storage keys warmed for it.
 *
 * @param address the account
 * @param storageKeys its storage slots, 32 bytes each, in the order given (duplicates allowed)
 */
public record AccessListEntry(Address address, List<Hash> storageKeys) {

  /** Copies the key list. */
  public AccessListEntry {
    Objects.requireNonNull(address, "address");
    storageKeys = List.copyOf(storageKeys);
  }
}
