package io.paraseq.protocol.batch;

import io.paraseq.protocol.types.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The address registry that batch format v2 refers to (docs/batch-format.md, "Address registry"):
 * every address that appeared in the address table or as an inline address of the batches posted
 * before, in order of first appearance, each once. It is a function of the posted data alone, so a
 * verifier rebuilds it from L1; entry {@code k} is the {@code k}-th address ever appended.
 *
 * <p>Append-only: after a batch is accepted its owner appends {@link
 * DecodedBatch#registryAppends()} (or the encoder's {@link EncodedBatchData#registryAppends()}),
 * nothing else. The encoder and the decoder only read it.
 *
 * <p>Not thread-safe: one owner (the batcher's thread, the verifier's loop thread) reads and
 * appends.
 */
public final class AddressRegistry {

  private final List<Address> entries = new ArrayList<>();
  private final Map<Address, Integer> indexes = new HashMap<>();

  private AddressRegistry() {}

  /** An empty registry: the one before batch 0. */
  public static AddressRegistry empty() {
    return new AddressRegistry();
  }

  /**
   * A registry holding {@code entries}, entry {@code k} at index {@code k} (as stored).
   *
   * @throws IllegalArgumentException if an address appears twice
   */
  public static AddressRegistry of(List<Address> entries) {
    AddressRegistry registry = new AddressRegistry();
    registry.append(entries);
    return registry;
  }

  /** Number of entries; the next appended address gets this index. */
  public int size() {
    return entries.size();
  }

  /**
   * Entry {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such entry
   */
  public Address get(int index) {
    return entries.get(index);
  }

  /** The index of {@code address}, if it is registered. */
  public OptionalInt indexOf(Address address) {
    Integer index = indexes.get(address);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** Whether {@code address} is registered. */
  public boolean contains(Address address) {
    return indexes.containsKey(address);
  }

  /** The entries from {@code from} on, in index order (a copy). */
  public List<Address> entriesFrom(int from) {
    return List.copyOf(entries.subList(from, entries.size()));
  }

  /**
   * The addresses of {@code candidates} that are not registered, each once, in their order: what a
   * batch whose address table and inline addresses are {@code candidates} appends.
   */
  public List<Address> unregistered(List<Address> candidates) {
    Set<Address> fresh = new LinkedHashSet<>();
    for (Address address : candidates) {
      if (!indexes.containsKey(address)) {
        fresh.add(address);
      }
    }
    return List.copyOf(fresh);
  }

  /**
   * Appends {@code addresses} in order, all or none.
   *
   * @throws IllegalArgumentException if one is already registered or appears twice (nothing is
   *     appended then)
   */
  public void append(List<Address> addresses) {
    Set<Address> seen = new LinkedHashSet<>();
    for (Address address : addresses) {
      Objects.requireNonNull(address, "address");
      if (indexes.containsKey(address) || !seen.add(address)) {
        throw new IllegalArgumentException(
            "address " + address + " is already in the registry or appended twice");
      }
    }
    for (Address address : addresses) {
      indexes.put(address, entries.size());
      entries.add(address);
    }
  }

  /** A copy that later appends to either do not reach the other. */
  public AddressRegistry copy() {
    AddressRegistry copy = new AddressRegistry();
    copy.entries.addAll(entries);
    copy.indexes.putAll(indexes);
    return copy;
  }
}
