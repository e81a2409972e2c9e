package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Block-STM's multi-version memory for one block: per {@link StateKey}, the values written by each
 * transaction's latest incarnation, ordered by transaction index, so a transaction reads what the
 * highest lower writer left (Gelashvili et al., "Block-STM", 2022, Algorithm 2).
 *
 * <p>An aborted incarnation's writes become ESTIMATE markers: a reader that meets one must wait for
 * the writer's next incarnation ({@link ReadResult.Blocked}) instead of reading a value that is
 * probably stale.
 *
 * <p>The fee recipient's account is special. Fee credits are {@link FeeCredit} deltas, not writes:
 * two transactions that only pay fees do not conflict. A read of the fee recipient sums the highest
 * lower full write (or the base) and every lower credit above it, and its read is validated by
 * value ({@link ReadOrigin.Summed}).
 *
 * <p>Storage: per location a {@link Location}, a small array of entries sorted by transaction index
 * under the location's own lock (a location has few writers, and those mostly record in ascending
 * order, so an insertion is nearly always an append); the fee recipient's entries, one per
 * transaction that paid fees, sit in an array indexed by transaction instead.
 *
 * <p>Thread-safe: every worker reads and records concurrently. Each transaction's entries are
 * written only by the worker running its current incarnation, or by the validator that aborted it,
 * never both at once (the {@link Scheduler}'s status protocol guarantees it).
 */
final class MVMemory {

  /** One transaction's entry at one location. */
  private sealed interface Entry {}

  /**
   * A full value ({@link Account} or {@link Word}) and the origin a read of it records: the writing
   * incarnation, built once per recorded incarnation and shared by all its entries and readers.
   */
  private record Full(ReadOrigin.Written origin, Object value) implements Entry {}

  /** A fee credit of {@code incarnation}; only at the fee recipient's account. */
  private record Credit(int incarnation, BigInteger amount) implements Entry {}

  /** The writes of an aborted incarnation, kept as a marker until the next one records. */
  private record Estimate() implements Entry {}

  private static final Estimate ESTIMATE = new Estimate();
  private static final Location[] NO_LOCATIONS = new Location[0];
  private static final int[] NO_TXS = new int[0];
  private static final Entry[] NO_ENTRIES = new Entry[0];

  /**
   * The read set of one incarnation as two parallel arrays, no object per read: the location read
   * (its {@link Location} itself, so validation needs no map lookup; null for the fee recipient)
   * and the origin found there. A worker's view fills one and reuses it; {@link #copy} is what
   * {@link #record} keeps.
   */
  static final class ReadSet {
    private Location[] locations;
    private ReadOrigin[] origins;
    private int count;

    /** An empty read set. */
    ReadSet() {
      this(16);
    }

    private ReadSet(int capacity) {
      locations = new Location[capacity];
      origins = new ReadOrigin[capacity];
    }

    /** The number of reads. */
    int size() {
      return count;
    }

    /** Forgets every read. */
    void clear() {
      Arrays.fill(locations, 0, count, null);
      Arrays.fill(origins, 0, count, null);
      count = 0;
    }

    /** An exact-size copy the caller may keep. */
    ReadSet copy() {
      ReadSet copy = new ReadSet(count);
      System.arraycopy(locations, 0, copy.locations, 0, count);
      System.arraycopy(origins, 0, copy.origins, 0, count);
      copy.count = count;
      return copy;
    }

    private void add(Location location, ReadOrigin origin) {
      if (count == locations.length) {
        locations = Arrays.copyOf(locations, Math.max(4, count * 2));
        origins = Arrays.copyOf(origins, Math.max(4, count * 2));
      }
      locations[count] = location;
      origins[count] = origin;
      count++;
    }
  }

  private static final ReadSet NO_READS = new ReadSet(0);

  /**
   * The write set of one incarnation as two parallel arrays: the {@link Location} written (null for
   * the fee recipient) and the value, each location once. A worker's view fills one and reuses it;
   * {@link #record} copies what it keeps.
   */
  static final class WriteSet {
    private Location[] locations = new Location[8];
    private Object[] values = new Object[8];
    private int count;

    /** The number of writes. */
    int size() {
      return count;
    }

    /** Forgets every write. */
    void clear() {
      Arrays.fill(locations, 0, count, null);
      Arrays.fill(values, 0, count, null);
      count = 0;
    }

    /**
     * Adds a write of {@code value} at {@code location} (null: the fee recipient), which this set
     * must not hold yet.
     */
    void add(Location location, Object value) {
      if (count == locations.length) {
        locations = Arrays.copyOf(locations, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      locations[count] = location;
      values[count] = value;
      count++;
    }
  }

  /** The writes of an incarnation that wrote nothing (or threw). */
  static final WriteSet NO_WRITES = new WriteSet();

  /**
   * The entries of one location (not the fee recipient's), sorted by transaction index; every
   * method holds the location's monitor, so a reader sees one consistent array. Knows its key, so
   * the per-transaction lists of written locations need no map lookup, and its dense {@link #id()},
   * so per-location state elsewhere is an array slot rather than a map entry.
   */
  static final class Location {
    private final StateKey key;
    private final int id;
    private int[] txs = NO_TXS;
    private Entry[] entries = NO_ENTRIES;
    private int count;

    Location(StateKey key, int id) {
      this.key = key;
      this.id = id;
    }

    /**
     * The location's dense id in its block: 0 for the first location created, then 1, 2, …; an
     * index into per-location arrays (the incarnation views' slots). The fee recipient's is -1.
     */
    int id() {
      return id;
    }

    synchronized void put(int tx, Entry entry) {
      int at = Arrays.binarySearch(txs, 0, count, tx);
      if (at >= 0) {
        entries[at] = entry;
        return;
      }
      int insert = -at - 1;
      if (count == txs.length) {
        txs = Arrays.copyOf(txs, Math.max(4, count * 2));
        entries = Arrays.copyOf(entries, Math.max(4, count * 2));
      }
      System.arraycopy(txs, insert, txs, insert + 1, count - insert);
      System.arraycopy(entries, insert, entries, insert + 1, count - insert);
      txs[insert] = tx;
      entries[insert] = entry;
      count++;
    }

    synchronized void remove(int tx) {
      int at = Arrays.binarySearch(txs, 0, count, tx);
      if (at >= 0) {
        System.arraycopy(txs, at + 1, txs, at, count - at - 1);
        System.arraycopy(entries, at + 1, entries, at, count - at - 1);
        count--;
        entries[count] = null;
      }
    }

    /** What {@code tx} reads here; null when no lower transaction wrote (the base). */
    synchronized ReadResult read(int tx, StateKey key) {
      int below = lowerIndex(tx);
      if (below < 0) {
        return null;
      }
      return switch (entries[below]) {
        case Full full -> new ReadResult.Value(full.origin(), full.value());
        case Estimate estimate -> new ReadResult.Blocked(txs[below]);
        case Credit credit -> throw new IllegalStateException("fee credit at " + key);
      };
    }

    /**
     * What {@code tx} reads here, its origin added to {@code reads}: the value of the highest lower
     * writer, or null when none wrote (the base; the caller reads it).
     *
     * @throws ReadBlockedException when the highest lower entry is an ESTIMATE
     */
    synchronized Object readInto(int tx, ReadSet reads, StateKey key) {
      int below = lowerIndex(tx);
      if (below < 0) {
        reads.add(this, ReadOrigin.BASE);
        return null;
      }
      return switch (entries[below]) {
        case Full full -> {
          reads.add(this, full.origin());
          yield full.value();
        }
        case Estimate estimate -> throw new ReadBlockedException(txs[below]);
        case Credit credit -> throw new IllegalStateException("fee credit at " + key);
      };
    }

    /** Whether {@code tx} would read here now from {@code origin}; an ESTIMATE never matches. */
    synchronized boolean readsFrom(int tx, ReadOrigin origin) {
      int below = lowerIndex(tx);
      if (below < 0) {
        return origin instanceof ReadOrigin.Base;
      }
      return entries[below] instanceof Full full
          && (origin == full.origin() || origin.equals(full.origin()));
    }

    /**
     * The value of the highest writer when that is {@code tx}, else null; only once every worker
     * has finished.
     */
    synchronized Object finalValueIfLast(int tx, StateKey key) {
      if (count == 0 || txs[count - 1] != tx) {
        return null;
      }
      if (entries[count - 1] instanceof Full full) {
        return full.value();
      }
      throw new IllegalStateException("ESTIMATE left at " + key + " after the block");
    }

    /** The index of the highest transaction below {@code tx}, or -1. */
    private int lowerIndex(int tx) {
      int at = Arrays.binarySearch(txs, 0, count, tx);
      return (at >= 0 ? at : -at - 1) - 1;
    }
  }

  private final int size;
  private final StateView base;
  private final Address feeRecipient;
  private final StateKey feeKey;
  private final ConcurrentHashMap<StateKey, Location> data;

  /** The next {@link Location#id()}: the ids of one block are 0 … locations − 1, no gap. */
  private final AtomicInteger nextLocationId = new AtomicInteger();

  private final Function<StateKey, Location> newLocation =
      key -> new Location(key, nextLocationId.getAndIncrement());
  private final AtomicReferenceArray<Entry> feeEntries;

  /**
   * Per transaction the locations its last recorded incarnation wrote; {@link #feeLocation} stands
   * for the fee recipient, whose entries are in {@link #feeEntries}.
   */
  private final AtomicReferenceArray<Location[]> lastWritten;

  /**
   * The fee recipient's place in {@link #lastWritten}: never in {@link #data}, never holds entries.
   */
  private final Location feeLocation;

  private final AtomicReferenceArray<ReadSet> lastReads;

  /** An empty memory for a block of {@code size} transactions over {@code base}. */
  MVMemory(int size, StateView base, Address feeRecipient) {
    this.size = size;
    this.base = Objects.requireNonNull(base, "base");
    this.feeRecipient = Objects.requireNonNull(feeRecipient, "feeRecipient");
    this.feeKey = StateKey.account(feeRecipient);
    this.feeLocation = new Location(feeKey, -1);
    this.data = new ConcurrentHashMap<>(Math.max(16, size * 4));
    this.feeEntries = new AtomicReferenceArray<>(size);
    this.lastWritten = new AtomicReferenceArray<>(size);
    this.lastReads = new AtomicReferenceArray<>(size);
    for (int i = 0; i < size; i++) {
      lastWritten.set(i, NO_LOCATIONS);
      lastReads.set(i, NO_READS);
    }
  }

  /** The location of the fee recipient's account. */
  StateKey feeKey() {
    return feeKey;
  }

  /**
   * Records what incarnation {@code version} read and wrote: its writes replace the transaction's
   * earlier entries (ESTIMATEs included), and locations the previous incarnation wrote but this one
   * did not lose the transaction's entry. Keeps {@code reads} as it is: the caller must not change
   * it afterwards (see {@link ReadSet#copy}).
   *
   * @param writes per location an {@link Account}, a {@link Word} or, at the fee recipient only, a
   *     {@link FeeCredit}; kept only until this returns
   * @return whether this incarnation wrote a location its predecessor did not (then every higher
   *     transaction must be validated again)
   */
  boolean record(Version version, ReadSet reads, WriteSet writes) {
    int tx = version.txIndex();
    int incarnation = version.incarnation();
    Location[] previous = lastWritten.get(tx);
    Location[] written = writes.count == 0 ? NO_LOCATIONS : new Location[writes.count];
    boolean wroteNewLocation = false;
    ReadOrigin.Written origin = new ReadOrigin.Written(version);
    for (int i = 0; i < writes.count; i++) {
      Location location = writes.locations[i];
      Object value = writes.values[i];
      if (location == null) {
        feeEntries.set(
            tx,
            switch (value) {
              case FeeCredit credit -> new Credit(incarnation, credit.amount());
              case Account account -> new Full(origin, account);
              default ->
                  throw new IllegalArgumentException("cannot write " + value + " at " + feeKey);
            });
        location = feeLocation;
      } else {
        StateKey key = location.key;
        location.put(
            tx,
            switch (value) {
              case Account account when key instanceof StateKey.AccountKey ->
                  new Full(origin, account);
              case Word word when key instanceof StateKey.StorageKey -> new Full(origin, word);
              default -> throw new IllegalArgumentException("cannot write " + value + " at " + key);
            });
      }
      written[i] = location;
      wroteNewLocation |= !contains(previous, location);
    }
    for (Location stale : previous) {
      if (!contains(written, stale)) {
        if (stale == feeLocation) {
          feeEntries.set(tx, null);
        } else {
          stale.remove(tx);
        }
      }
    }
    lastWritten.set(tx, written);
    lastReads.set(tx, reads);
    return wroteNewLocation;
  }

  /**
   * {@link #record(Version, ReadSet, WriteSet)} with the writes given as a map: per location an
   * {@link Account}, a {@link Word} or, at the fee recipient only, a {@link FeeCredit}.
   */
  boolean record(Version version, ReadSet reads, Map<StateKey, Object> writes) {
    WriteSet set = new WriteSet();
    for (Map.Entry<StateKey, Object> write : writes.entrySet()) {
      set.add(locationOf(write.getKey()), write.getValue());
    }
    return record(version, reads, set);
  }

  /**
   * {@link #record(Version, ReadSet, Map)} with the read set given as a list (tests build them so).
   */
  boolean record(Version version, List<TxRead> reads, Map<StateKey, Object> writes) {
    ReadSet set = new ReadSet(reads.size());
    for (TxRead read : reads) {
      set.add(locationOf(read.key()), read.origin());
    }
    return record(version, set, writes);
  }

  /**
   * Turns every entry of transaction {@code tx}'s last incarnation into an ESTIMATE; called by the
   * validator that aborted it, before it can run again.
   */
  void convertWritesToEstimates(int tx) {
    for (Location location : lastWritten.get(tx)) {
      if (location == feeLocation) {
        feeEntries.set(tx, ESTIMATE);
      } else {
        location.put(tx, ESTIMATE);
      }
    }
  }

  /**
   * What transaction {@code tx} reads at {@code key}: the value of the highest lower writer, the
   * base value when there is none, the sum of the fee recipient's write and credits, or the
   * ESTIMATE that blocks it.
   */
  ReadResult read(StateKey key, int tx) {
    if (key.equals(feeKey)) {
      return readFeeRecipient(tx);
    }
    Location location = data.get(key);
    ReadResult written = location == null ? null : location.read(tx, key);
    return written != null ? written : new ReadResult.Value(ReadOrigin.BASE, baseValue(key));
  }

  /**
   * What transaction {@code tx} reads at {@code key}, as {@link #read(StateKey, int)}, with its
   * origin added to {@code reads}; the fast path of a running incarnation (no result object).
   *
   * @throws ReadBlockedException when the read meets an ESTIMATE
   */
  Object readInto(StateKey key, int tx, ReadSet reads) {
    return readInto(key, locationOf(key), tx, reads);
  }

  /**
   * {@link #readInto(StateKey, int, ReadSet)} at {@code location}, the {@link #locationOf} {@code
   * key} the caller already holds.
   */
  Object readInto(StateKey key, Location location, int tx, ReadSet reads) {
    if (location == null) {
      return switch (readFeeRecipient(tx)) {
        case ReadResult.Value value -> {
          reads.add(null, value.origin());
          yield value.value();
        }
        case ReadResult.Blocked blocked ->
            throw new ReadBlockedException(blocked.blockingTxIndex());
      };
    }
    Object written = location.readInto(tx, reads, key);
    return written != null ? written : baseValue(key);
  }

  /**
   * Whether every read of transaction {@code tx}'s last recorded incarnation would still find the
   * same origin (Algorithm 2, validate_read_set). A read that now meets an ESTIMATE is invalid.
   */
  boolean validateReadSet(int tx) {
    ReadSet reads = lastReads.get(tx);
    for (int i = 0; i < reads.count; i++) {
      Location location = reads.locations[i];
      ReadOrigin origin = reads.origins[i];
      boolean valid =
          location == null
              ? readFeeRecipient(tx) instanceof ReadResult.Value value
                  && value.origin().equals(origin)
              : location.readsFrom(tx, origin);
      if (!valid) {
        return false;
      }
    }
    return true;
  }

  /**
   * Calls {@code action} with the final value of every location some transaction wrote: the last
   * writer's value, and at the fee recipient the last write (or base) plus the credits after it.
   * Only once every worker has finished; then no ESTIMATE is left.
   */
  void forEachFinal(BiConsumer<StateKey, Object> action) {
    for (int tx = 0; tx < size; tx++) {
      forEachFinalWrittenBy(tx, action);
    }
    finalFeeRecipient().ifPresent(account -> action.accept(feeKey, account));
  }

  /**
   * Calls {@code action} with the final value of every location, except the fee recipient's, whose
   * last writer is transaction {@code tx}. Over every transaction this visits each written location
   * once, so threads can collect disjoint sets of transactions. Only once every worker has
   * finished.
   */
  void forEachFinalWrittenBy(int tx, BiConsumer<StateKey, Object> action) {
    for (Location location : lastWritten.get(tx)) {
      StateKey key = location.key;
      if (location != feeLocation) {
        Object value = location.finalValueIfLast(tx, key);
        if (value != null) {
          action.accept(key, value);
        }
      }
    }
  }

  /**
   * The fee recipient's final account (its last write or base plus the later credits), if some
   * transaction paid it or wrote it. Only once every worker has finished.
   */
  Optional<Account> finalFeeRecipient() {
    for (int tx = 0; tx < size; tx++) {
      if (feeEntries.get(tx) != null) {
        if (!(readFeeRecipient(Integer.MAX_VALUE) instanceof ReadResult.Value value)) {
          throw new IllegalStateException("ESTIMATE left at " + feeKey + " after the block");
        }
        return Optional.of((Account) value.value());
      }
    }
    return Optional.empty();
  }

  /**
   * The block's one {@link Location} of {@code key}, created on first use; null for the fee
   * recipient's account, whose entries are kept apart.
   */
  Location locationOf(StateKey key) {
    if (key.equals(feeKey)) {
      return null;
    }
    return internedLocation(key);
  }

  /**
   * The block's one {@link Location} of {@code key}, which must not be the fee recipient's account,
   * created on first use with the next dense id (the interning of the block's locations: {@code
   * computeIfAbsent} creates each at most once, so the ids are distinct and without gaps).
   */
  Location internedLocation(StateKey key) {
    Location location = data.get(key);
    return location != null ? location : data.computeIfAbsent(key, newLocation);
  }

  /** The number of locations created so far: every {@link Location#id()} is below it. */
  int locationCount() {
    return nextLocationId.get();
  }

  private static boolean contains(Location[] locations, Location location) {
    for (Location candidate : locations) {
      if (candidate == location) {
        return true;
      }
    }
    return false;
  }

  /**
   * The fee recipient as {@code tx} sees it: walking down from {@code tx - 1}, the credits up to
   * the first full write (or the base); blocked by the first ESTIMATE on the way.
   */
  private ReadResult readFeeRecipient(int tx) {
    BigInteger credits = BigInteger.ZERO;
    Account below = null;
    for (int lower = Math.min(tx, size) - 1; lower >= 0 && below == null; lower--) {
      switch (feeEntries.get(lower)) {
        case null -> {}
        case Estimate estimate -> {
          return new ReadResult.Blocked(lower);
        }
        case Credit credit -> credits = credits.add(credit.amount());
        case Full full -> below = (Account) full.value();
      }
    }
    if (below == null) {
      below = base.account(feeRecipient);
    }
    Account account =
        credits.signum() == 0
            ? below
            : below.withBalance(Wei.of(below.balance().value().add(credits)));
    return new ReadResult.Value(new ReadOrigin.Summed(account), account);
  }

  private Object baseValue(StateKey key) {
    return switch (key) {
      case StateKey.AccountKey account -> base.account(account.address());
      case StateKey.StorageKey slot -> base.storage(slot.address(), slot.slot());
    };
  }
}
