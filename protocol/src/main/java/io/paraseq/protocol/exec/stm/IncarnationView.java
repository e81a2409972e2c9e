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
import java.util.OptionalInt;

/**
 * The {@link StateAccess} of one incarnation: its own writes first, then {@link MVMemory} as seen
 * from its position, each location read once (later reads of it get the same value, so one
 * incarnation never sees two versions of a location). Records the read set and the write set.
 *
 * <p>Every access goes through the block's interned {@link MVMemory.Location} of its key (one
 * lookup), whose dense {@linkplain MVMemory.Location#id() id} indexes an array of this view: per
 * location a {@link Slot} with the value the incarnation last wrote there or, if it wrote none,
 * read there. No map of the view's own is looked up or filled, and neither the read nor {@link
 * MVMemory#record} looks the location up again. The fee recipient's account, which has no {@code
 * Location}, has a slot of its own.
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
 * the id index, the slots and the read and write sets are allocated once per worker, not once per
 * incarnation.
 */
final class IncarnationView implements StateAccess {

  /** One location the incarnation accessed. */
  private static final class Slot {
    private MVMemory.Location location;
    private Object value;
    private boolean written;
  }

  private final MVMemory memory;
  private final StateKey feeKey;

  /**
   * Per {@linkplain MVMemory.Location#id() location id}, 1 + the index in {@link #pool} of the
   * location's slot in this incarnation, or 0; grown when a higher id comes. {@link #begin} zeroes
   * only the entries of the slots in use.
   */
  private int[] slotById = new int[INITIAL_IDS];

  private Slot feeSlot;
  private Slot[] pool = new Slot[0];
  private int used;
  private Slot[] written = new Slot[8];
  private int writtenCount;
  private final MVMemory.ReadSet reads = new MVMemory.ReadSet();
  private final MVMemory.WriteSet writes = new MVMemory.WriteSet();
  private int txIndex = -1;
  private BigInteger feeCredit;
  private int blockedOn = -1;

  private static final int INITIAL_IDS = 1024;

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
    for (int i = 0; i < used; i++) {
      Slot slot = pool[i];
      if (slot.location != null) {
        slotById[slot.location.id()] = 0;
      }
      slot.location = null;
      slot.value = null;
      slot.written = false;
    }
    used = 0;
    feeSlot = null;
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
    if (key.equals(feeKey)) {
      Account account = (Account) value(key, null);
      // a pending credit means the fee recipient was not written since: the value is a read one
      return feeCredit != null ? plus(account, feeCredit) : account;
    }
    return (Account) value(key, memory.internedLocation(key));
  }

  @Override
  public void setAccount(Address address, Account account) {
    StateKey key = StateKey.account(address);
    if (key.equals(feeKey)) {
      write(null, account);
      feeCredit = null; // the write replaces whatever the account was, earlier credits included
    } else {
      write(memory.internedLocation(key), account);
    }
  }

  @Override
  public Word storage(Address address, Hash slot) {
    StateKey key = StateKey.storage(address, slot);
    return (Word) value(key, memory.internedLocation(key));
  }

  @Override
  public void setStorage(Address address, Hash slot, Word value) {
    write(memory.internedLocation(StateKey.storage(address, slot)), value);
  }

  @Override
  public void creditFeeRecipient(Wei amount) {
    Slot fee = feeSlot;
    if (fee != null && fee.written) {
      write(null, plus((Account) fee.value, amount.value()));
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

  /** Writes {@code value} at {@code location} (null: the fee recipient's account). */
  private void write(MVMemory.Location location, Object value) {
    Slot slot = slotOf(location);
    if (slot == null) {
      slot = newSlot(location, value);
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

  /**
   * The value at {@code key}, whose interned location is {@code location} (null: the fee
   * recipient's account): the incarnation's own write or earlier read, else a new read.
   */
  private Object value(StateKey key, MVMemory.Location location) {
    Slot slot = slotOf(location);
    if (slot != null) {
      return slot.value;
    }
    if (blockedOn >= 0) {
      throw new ReadBlockedException(blockedOn);
    }
    Object value;
    try {
      value = memory.readInto(key, location, txIndex, reads);
    } catch (ReadBlockedException blocked) {
      blockedOn = blocked.blockingTxIndex();
      throw blocked;
    }
    newSlot(location, value);
    return value;
  }

  /** This incarnation's slot of {@code location} (null: the fee recipient's), or null. */
  private Slot slotOf(MVMemory.Location location) {
    if (location == null) {
      return feeSlot;
    }
    int id = location.id();
    int index = id < slotById.length ? slotById[id] : 0;
    return index == 0 ? null : pool[index - 1];
  }

  private Slot newSlot(MVMemory.Location location, Object value) {
    if (used == pool.length) {
      pool = Arrays.copyOf(pool, Math.max(8, used * 2));
      for (int i = used; i < pool.length; i++) {
        pool[i] = new Slot();
      }
    }
    Slot slot = pool[used++];
    slot.location = location;
    slot.value = value;
    if (location == null) {
      feeSlot = slot;
    } else {
      int id = location.id();
      if (id >= slotById.length) {
        slotById =
            Arrays.copyOf(
                slotById, Math.max(id + 1, Math.max(memory.locationCount(), 2 * slotById.length)));
      }
      slotById[id] = used;
    }
    return slot;
  }

  private static Account plus(Account account, BigInteger amount) {
    return amount.signum() == 0
        ? account
        : account.withBalance(Wei.of(account.balance().value().add(amount)));
  }
}
