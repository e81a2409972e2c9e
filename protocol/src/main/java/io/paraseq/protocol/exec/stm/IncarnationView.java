package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.exec.StateAccess;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.OptionalInt;

/**
 * The {@link StateAccess} of one incarnation: its own writes first, then {@link MVMemory} as seen
 * from its position, each location read once (later reads of it get the same value, so one
 * incarnation never sees two versions of a location). Records the read set and the write set.
 *
 * <p>One map answers every access: per location a {@link Slot} with the value the incarnation last
 * wrote there or, if it wrote none, read there, and the location's {@link MVMemory.Location},
 * looked up once per incarnation, so neither the read nor {@link MVMemory#record} looks it up
 * again.
 *
 * <p>Fee credits: while the incarnation has not written the fee recipient, its credits add up in a
 * {@link FeeCredit} (and a read of the fee recipient adds them to what it reads); once it writes
 * the account, later credits go into that write and an earlier credit is part of the value written
 * or overridden by it, exactly as the sequential overlay's read-modify-write credit would have it.
 *
 * <p>A read that meets an ESTIMATE throws {@link ReadBlockedException} and leaves the view blocked:
 * every later read throws again, so even code that catches the exception cannot go on.
 *
 * <p>Owned by one worker thread, which reuses it for every incarnation it runs ({@link #begin}), so
 * the map, the slots and the read and write sets are allocated once per worker, not once per
 * incarnation.
 */
final class IncarnationView implements StateAccess {

  /** One location the incarnation accessed. */
  private static final class Slot {
    private StateKey key;
    private MVMemory.Location location;
    private Object value;
    private boolean written;
  }

  private final MVMemory memory;
  private final StateKey feeKey;
  private final HashMap<StateKey, Slot> slots = new HashMap<>();
  private Slot[] pool = new Slot[0];
  private int used;
  private Slot[] written = new Slot[8];
  private int writtenCount;
  private final MVMemory.ReadSet reads = new MVMemory.ReadSet();
  private final MVMemory.WriteSet writes = new MVMemory.WriteSet();
  private int txIndex = -1;
  private BigInteger feeCredit;
  private int blockedOn = -1;

  /** A view for {@link #begin} to start an incarnation on. */
  IncarnationView(MVMemory memory) {
    this.memory = memory;
    this.feeKey = memory.feeKey();
  }

  /** A view of one incarnation of transaction {@code txIndex}. */
  IncarnationView(MVMemory memory, int txIndex) {
    this(memory);
    begin(txIndex);
  }

  /** Forgets the previous incarnation's reads and writes and starts one of {@code txIndex}. */
  void begin(int txIndex) {
    this.txIndex = txIndex;
    slots.clear();
    for (int i = 0; i < used; i++) {
      Slot slot = pool[i];
      slot.key = null;
      slot.location = null;
      slot.value = null;
      slot.written = false;
    }
    used = 0;
    Arrays.fill(written, 0, writtenCount, null);
    writtenCount = 0;
    reads.clear();
    writes.clear();
    feeCredit = null;
    blockedOn = -1;
  }

  @Override
  public Account account(Address address) {
    StateKey key = StateKey.account(address);
    Account account = (Account) value(key);
    // a pending credit means the fee recipient was not written since: the value is a read one
    return feeCredit != null && key.equals(feeKey) ? plus(account, feeCredit) : account;
  }

  @Override
  public void setAccount(Address address, Account account) {
    StateKey key = StateKey.account(address);
    write(key, account);
    if (key.equals(feeKey)) {
      feeCredit = null; // the write replaces whatever the account was, earlier credits included
    }
  }

  @Override
  public Word storage(Address address, Hash slot) {
    return (Word) value(StateKey.storage(address, slot));
  }

  @Override
  public void setStorage(Address address, Hash slot, Word value) {
    write(StateKey.storage(address, slot), value);
  }

  @Override
  public void creditFeeRecipient(Wei amount) {
    Slot fee = slots.get(feeKey);
    if (fee != null && fee.written) {
      write(feeKey, plus((Account) fee.value, amount.value()));
    } else {
      feeCredit = feeCredit == null ? amount.value() : feeCredit.add(amount.value());
    }
  }

  /** The transaction an ESTIMATE read blocked this incarnation on, if one did. */
  OptionalInt blockedOn() {
    return blockedOn < 0 ? OptionalInt.empty() : OptionalInt.of(blockedOn);
  }

  /** The reads from {@link MVMemory}, in order, each location once: a copy the caller may keep. */
  MVMemory.ReadSet reads() {
    return reads.copy();
  }

  /**
   * The writes: per location the last {@link Account} or {@link Word}, and at the fee recipient a
   * {@link FeeCredit} when the incarnation only credited it. Ends the incarnation: the view's own
   * set, valid until the next {@link #begin}; no access may follow.
   */
  MVMemory.WriteSet writes() {
    writes.clear();
    for (int i = 0; i < writtenCount; i++) {
      writes.add(written[i].location, written[i].value);
    }
    if (feeCredit != null) {
      writes.add(null, new FeeCredit(feeCredit));
      feeCredit = null;
    }
    return writes;
  }

  private void write(StateKey key, Object value) {
    Slot slot = slots.get(key);
    if (slot == null) {
      slot = newSlot(key, memory.locationOf(key), value);
    }
    slot.value = value;
    if (!slot.written) {
      slot.written = true;
      if (writtenCount == written.length) {
        written = Arrays.copyOf(written, writtenCount * 2);
      }
      written[writtenCount++] = slot;
    }
  }

  /** The value at {@code key}: the incarnation's own write or earlier read, else a new read. */
  private Object value(StateKey key) {
    Slot slot = slots.get(key);
    if (slot != null) {
      return slot.value;
    }
    if (blockedOn >= 0) {
      throw new ReadBlockedException(blockedOn);
    }
    MVMemory.Location location = memory.locationOf(key);
    Object value;
    try {
      value = memory.readInto(key, location, txIndex, reads);
    } catch (ReadBlockedException blocked) {
      blockedOn = blocked.blockingTxIndex();
      throw blocked;
    }
    newSlot(key, location, value);
    return value;
  }

  private Slot newSlot(StateKey key, MVMemory.Location location, Object value) {
    if (used == pool.length) {
      pool = Arrays.copyOf(pool, Math.max(8, used * 2));
      for (int i = used; i < pool.length; i++) {
        pool[i] = new Slot();
      }
    }
    Slot slot = pool[used++];
    slot.key = key;
    slot.location = location;
    slot.value = value;
    slots.put(key, slot);
    return slot;
  }

  private static Account plus(Account account, BigInteger amount) {
    return amount.signum() == 0
        ? account
        : account.withBalance(Wei.of(account.balance().value().add(amount)));
  }
}
