package io.paraseq.protocol.program;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.state.StateKey.StorageKey;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of one program execution (a transaction's call into a program, and the inner calls a
 * pair makes into its tokens): the gas meter, the warm slots and accounts, the buffered storage
 * writes and the logs. Every storage access and log goes through it and is charged by {@link
 * ProgramGas}. Reads see the buffered writes first, then {@link ProgramStorage}. Nothing reaches
 * the state until the execution returns: the caller applies {@link #writes()} on success and drops
 * them on a halt. Owned by the thread running the transaction; never shared.
 */
final class ProgramContext {

  private final ProgramStorage storage;
  private final long gasLimit;
  private final long timestamp;
  private final Set<StorageKey> warmSlots;
  private final Set<Address> warmAccounts;
  private final Map<StorageKey, Word> originals = new HashMap<>();
  private final TreeMap<StorageKey, Word> writes = new TreeMap<>();
  private final List<Log> logs = new ArrayList<>();
  private long gasUsed;

  /**
   * A fresh execution.
   *
   * @param storage the state before the execution
   * @param gasLimit the gas the program may use
   * @param timestamp the block timestamp
   * @param warmSlots slots warm from the start (access list)
   * @param warmAccounts accounts warm from the start (the program itself, access list)
   */
  ProgramContext(
      ProgramStorage storage,
      long gasLimit,
      long timestamp,
      Set<StorageKey> warmSlots,
      Set<Address> warmAccounts) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.gasLimit = gasLimit;
    this.timestamp = timestamp;
    this.warmSlots = new HashSet<>(warmSlots);
    this.warmAccounts = new HashSet<>(warmAccounts);
  }

  /** The gas charged so far. */
  long gasUsed() {
    return gasUsed;
  }

  /** The block timestamp, seconds, unsigned 64-bit. */
  long timestamp() {
    return timestamp;
  }

  /**
   * Charges {@code gas}.
   *
   * @throws Halt.OutOfGas if the total would exceed the limit
   */
  void charge(long gas) {
    long left = gasLimit - gasUsed;
    if (gas > left) {
      gasUsed = gasLimit;
      throw new Halt.OutOfGas(gas, left);
    }
    gasUsed += gas;
  }

  /** Charges an inner call into {@code program}: account access (cold or warm) and entry. */
  void enter(Address program) {
    charge(
        warmAccounts.add(program)
            ? ProgramGas.COLD_ACCOUNT_ACCESS + ProgramGas.CALL
            : ProgramGas.WARM_ACCESS + ProgramGas.CALL);
  }

  /**
   * Reads a slot: {@value ProgramGas#COLD_SLOAD} when cold, else {@value ProgramGas#WARM_ACCESS}.
   */
  Word load(Address address, Hash slot) {
    StorageKey key = new StorageKey(address, slot);
    charge(warmSlots.add(key) ? ProgramGas.COLD_SLOAD : ProgramGas.WARM_ACCESS);
    Word written = writes.get(key);
    return written != null ? written : original(key);
  }

  /** Writes a slot, charged as EIP-2200 with EIP-2929's cold surcharge (see {@link ProgramGas}). */
  void store(Address address, Hash slot, Word value) {
    StorageKey key = new StorageKey(address, slot);
    long cold = warmSlots.add(key) ? ProgramGas.COLD_SLOAD : 0;
    Word original = original(key);
    Word current = writes.getOrDefault(key, original);
    long cost;
    if (value.equals(current) || !current.equals(original)) {
      cost = ProgramGas.WARM_ACCESS;
    } else {
      cost = original.isZero() ? ProgramGas.SSTORE_SET : ProgramGas.SSTORE_RESET;
    }
    charge(cold + cost);
    writes.put(key, value);
  }

  /** The slot of {@code key} in the mapping at {@code base}, charging one keccak of two words. */
  Hash mapping(Hash base, Address key) {
    charge(ProgramGas.keccak(2));
    return Slots.mapping(base, key);
  }

  /** The slot of the 32-byte {@code key} in the mapping at {@code base}, charged likewise. */
  Hash mapping(Hash base, Hash key) {
    charge(ProgramGas.keccak(2));
    return Slots.mapping(base, key);
  }

  /** {@code keccak256(slot)}, the first data slot of a long string, charging one word. */
  Hash dataSlot(Hash slot) {
    charge(ProgramGas.keccak(1));
    return Hash.keccak(slot.bytes());
  }

  /** Emits a log of {@code emitter}, charged per {@link ProgramGas#log}. */
  void log(Address emitter, Bytes data, Hash... topics) {
    charge(ProgramGas.log(topics.length, data.length()));
    logs.add(Log.of(emitter, data, topics));
  }

  /** The storage writes of the execution, in key order; each slot's final value. */
  NavigableMap<StorageKey, Word> writes() {
    return Collections.unmodifiableNavigableMap(writes);
  }

  /** The logs, in emission order. */
  List<Log> logs() {
    return List.copyOf(logs);
  }

  private Word original(StorageKey key) {
    return originals.computeIfAbsent(key, k -> storage.storage(k.address(), k.slot()));
  }
}
