package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.exec.StateAccess;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@link StateAccess} of one incarnation: its own writes first, then {@link MVMemory} as seen
 * from its position, each location read once (later reads of it get the same value, so one
 * incarnation never sees two versions of a location). Records the read set and the write set.
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
 * the maps and the read list are allocated once per worker, not once per incarnation.
 */
final class IncarnationView implements StateAccess {

  private final MVMemory memory;
  private final StateKey feeKey;
  private final Map<StateKey, Object> writes = new HashMap<>();

  /**
   * Per location the value the incarnation last wrote there or, if it wrote none, read there (the
   * fee credit not added): one lookup answers an access. {@link #writes} holds the writes alone.
   */
  private final Map<StateKey, Object> values = new HashMap<>();

  private final MVMemory.ReadSet reads = new MVMemory.ReadSet();
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
    writes.clear();
    values.clear();
    reads.clear();
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
    Object written = writes.get(feeKey);
    if (written != null) {
      write(feeKey, plus((Account) written, amount.value()));
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
   * map, valid until the next {@link #begin}; no access may follow.
   */
  Map<StateKey, Object> writes() {
    if (feeCredit != null) {
      writes.put(feeKey, new FeeCredit(feeCredit));
      feeCredit = null;
    }
    return writes;
  }

  private void write(StateKey key, Object value) {
    writes.put(key, value);
    values.put(key, value);
  }

  /** The value at {@code key}: the incarnation's own write or earlier read, else a new read. */
  private Object value(StateKey key) {
    Object cached = values.get(key);
    if (cached != null) {
      return cached;
    }
    if (blockedOn >= 0) {
      throw new ReadBlockedException(blockedOn);
    }
    Object value;
    try {
      value = memory.readInto(key, txIndex, reads);
    } catch (ReadBlockedException blocked) {
      blockedOn = blocked.blockingTxIndex();
      throw blocked;
    }
    values.put(key, value);
    return value;
  }

  private static Account plus(Account account, BigInteger amount) {
    return amount.signum() == 0
        ? account
        : account.withBalance(Wei.of(account.balance().value().add(amount)));
  }
}
