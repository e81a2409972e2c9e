package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;

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
 * <p>Thread-safe: every worker reads and records concurrently. Each transaction's entries are
 * written only by the worker running its current incarnation, or by the validator that aborted it,
 * never both at once (the {@link Scheduler}'s status protocol guarantees it).
 */
final class MVMemory {

  /** One transaction's entry at one location. */
  private sealed interface Entry {}

  /** A full value ({@link Account} or {@link Word}) written by {@code incarnation}. */
  private record Full(int incarnation, Object value) implements Entry {}

  /** A fee credit of {@code incarnation}; only at the fee recipient's account. */
  private record Credit(int incarnation, BigInteger amount) implements Entry {}

  /** The writes of an aborted incarnation, kept as a marker until the next one records. */
  private record Estimate() implements Entry {}

  private static final Estimate ESTIMATE = new Estimate();

  private final StateView base;
  private final Address feeRecipient;
  private final StateKey feeKey;
  private final ConcurrentHashMap<StateKey, ConcurrentSkipListMap<Integer, Entry>> data;
  private final AtomicReferenceArray<Set<StateKey>> lastWritten;
  private final AtomicReferenceArray<List<TxRead>> lastReads;

  /** An empty memory for a block of {@code size} transactions over {@code base}. */
  MVMemory(int size, StateView base, Address feeRecipient) {
    this.base = Objects.requireNonNull(base, "base");
    this.feeRecipient = Objects.requireNonNull(feeRecipient, "feeRecipient");
    this.feeKey = StateKey.account(feeRecipient);
    this.data = new ConcurrentHashMap<>(Math.max(16, size * 3));
    this.lastWritten = new AtomicReferenceArray<>(size);
    this.lastReads = new AtomicReferenceArray<>(size);
    for (int i = 0; i < size; i++) {
      lastWritten.set(i, Set.of());
      lastReads.set(i, List.of());
    }
  }

  /** The location of the fee recipient's account. */
  StateKey feeKey() {
    return feeKey;
  }

  /**
   * Records what incarnation {@code version} read and wrote: its writes replace the transaction's
   * earlier entries (ESTIMATEs included), and locations the previous incarnation wrote but this one
   * did not lose the transaction's entry.
   *
   * @param writes per location an {@link Account}, a {@link Word} or, at the fee recipient only, a
   *     {@link FeeCredit}
   * @return whether this incarnation wrote a location its predecessor did not (then every higher
   *     transaction must be validated again)
   */
  boolean record(Version version, List<TxRead> reads, Map<StateKey, Object> writes) {
    int tx = version.txIndex();
    int incarnation = version.incarnation();
    Set<StateKey> previous = lastWritten.get(tx);
    boolean wroteNewLocation = false;
    for (Map.Entry<StateKey, Object> write : writes.entrySet()) {
      StateKey key = write.getKey();
      Entry entry =
          switch (write.getValue()) {
            case FeeCredit credit when key.equals(feeKey) ->
                new Credit(incarnation, credit.amount());
            case Account account when key instanceof StateKey.AccountKey ->
                new Full(incarnation, account);
            case Word word when key instanceof StateKey.StorageKey -> new Full(incarnation, word);
            default ->
                throw new IllegalArgumentException(
                    "cannot write " + write.getValue() + " at " + key);
          };
      data.computeIfAbsent(key, k -> new ConcurrentSkipListMap<>()).put(tx, entry);
      wroteNewLocation |= !previous.contains(key);
    }
    for (StateKey stale : previous) {
      if (!writes.containsKey(stale)) {
        data.get(stale).remove(tx);
      }
    }
    lastWritten.set(tx, Set.copyOf(writes.keySet()));
    lastReads.set(tx, List.copyOf(reads));
    return wroteNewLocation;
  }

  /**
   * Turns every entry of transaction {@code tx}'s last incarnation into an ESTIMATE; called by the
   * validator that aborted it, before it can run again.
   */
  void convertWritesToEstimates(int tx) {
    for (StateKey key : lastWritten.get(tx)) {
      data.get(key).put(tx, ESTIMATE);
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
    ConcurrentSkipListMap<Integer, Entry> versions = data.get(key);
    Map.Entry<Integer, Entry> lower = versions == null ? null : versions.lowerEntry(tx);
    if (lower == null) {
      return new ReadResult.Value(ReadOrigin.BASE, baseValue(key));
    }
    return switch (lower.getValue()) {
      case Full full ->
          new ReadResult.Value(
              new ReadOrigin.Written(new Version(lower.getKey(), full.incarnation())),
              full.value());
      case Estimate estimate -> new ReadResult.Blocked(lower.getKey());
      case Credit credit -> throw new IllegalStateException("fee credit at " + key);
    };
  }

  /**
   * Whether every read of transaction {@code tx}'s last recorded incarnation would still find the
   * same origin (Algorithm 2, validate_read_set). A read that now meets an ESTIMATE is invalid.
   */
  boolean validateReadSet(int tx) {
    for (TxRead read : lastReads.get(tx)) {
      if (!read.origin().equals(currentOrigin(read.key(), tx))) {
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
    data.forEach(
        (key, versions) -> {
          if (versions.isEmpty()) {
            return;
          }
          ReadResult last = read(key, Integer.MAX_VALUE);
          if (!(last instanceof ReadResult.Value value)) {
            throw new IllegalStateException("ESTIMATE left at " + key + " after the block");
          }
          action.accept(key, value.value());
        });
  }

  /** The origin {@code tx} would read at {@code key} now; null when blocked by an ESTIMATE. */
  private ReadOrigin currentOrigin(StateKey key, int tx) {
    if (key.equals(feeKey)) {
      return readFeeRecipient(tx) instanceof ReadResult.Value value ? value.origin() : null;
    }
    ConcurrentSkipListMap<Integer, Entry> versions = data.get(key);
    Map.Entry<Integer, Entry> lower = versions == null ? null : versions.lowerEntry(tx);
    if (lower == null) {
      return ReadOrigin.BASE;
    }
    return lower.getValue() instanceof Full full
        ? new ReadOrigin.Written(new Version(lower.getKey(), full.incarnation()))
        : null;
  }

  /**
   * The fee recipient as {@code tx} sees it: walking down from {@code tx - 1}, the credits up to
   * the first full write (or the base); blocked by the first ESTIMATE on the way.
   */
  private ReadResult readFeeRecipient(int tx) {
    ConcurrentSkipListMap<Integer, Entry> versions = data.get(feeKey);
    BigInteger credits = BigInteger.ZERO;
    Account below = null;
    if (versions != null) {
      for (Map.Entry<Integer, Entry> lower :
          versions.headMap(tx, false).descendingMap().entrySet()) {
        Entry entry = lower.getValue();
        if (entry instanceof Estimate) {
          return new ReadResult.Blocked(lower.getKey());
        }
        if (entry instanceof Credit credit) {
          credits = credits.add(credit.amount());
        } else {
          below = (Account) ((Full) entry).value();
          break;
        }
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
