package io.paraseq.sequencer.pool;

import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The mempool's rules: per-sender nonce queues, pending (executable) versus queued (behind a nonce
 * gap), replacement of a (sender, nonce) slot only with both fee caps raised by the price bump,
 * per-sender and global limits, eviction from a full pool only for a newcomer that pays more
 * ({@link #pendingEvictionVictim}), expiry of queued transactions, and the selection of a block's
 * transactions under an {@link OrderingPolicy}.
 *
 * <p>Not thread-safe: one writer thread owns an instance (the ingress stage that serialises pool
 * changes); it is plain domain code, without I/O. Durability is the caller's: a transaction is
 * acknowledged only after the caller has committed it to the pool table.
 */
public final class TxPool {

  /** Eviction order among candidates: lowest fee cap, lowest tip cap, latest arrival first. */
  private static final Comparator<PooledTransaction> CHEAPEST =
      Comparator.comparing(PooledTransaction::feeCap)
          .thenComparing(PooledTransaction::tipCap)
          .thenComparing(Comparator.comparingLong(PooledTransaction::arrival).reversed());

  private final PoolLimits limits;
  private final PriceBump bump;
  private final BigInteger minFeeCap;
  private final L1FeeQuote l1Fee;
  private final Map<Address, SenderQueue> senders = new HashMap<>();
  private final Map<Hash, PooledTransaction> byHash = new HashMap<>();

  /** Counts changes of the pool's contents; the eviction floor is valid for one value. */
  private long changes;

  private long floorChanges = -1;

  /** The lowest fee cap of an evictable transaction at {@link #floorChanges}; null: none. */
  private BigInteger evictionFloor;

  private int pendingTotal;
  private int queuedTotal;
  private long nextArrival;

  /**
   * A pool for a chain without an L1 data fee.
   *
   * @param limits the bounds
   * @param minFeeCap the lowest fee cap accepted (the chain's base-fee floor)
   */
  public TxPool(PoolLimits limits, BigInteger minFeeCap) {
    this(limits, minFeeCap, L1FeeQuote.NONE);
  }

  /**
   * @param limits the bounds
   * @param minFeeCap the lowest fee cap accepted (the chain's base-fee floor)
   * @param l1Fee the L1 data fee a newcomer's sender must be able to pay on top of its cost
   */
  public TxPool(PoolLimits limits, BigInteger minFeeCap, L1FeeQuote l1Fee) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.bump = new PriceBump(limits.priceBumpPercent());
    this.minFeeCap = Objects.requireNonNull(minFeeCap, "minFeeCap");
    this.l1Fee = Objects.requireNonNull(l1Fee, "l1Fee");
  }

  /**
   * Adds a verified transaction, checked against its sender's account in the latest sealed state
   * and against the pool's limits.
   *
   * @param tx the transaction (a user transaction; deposits never enter the pool)
   * @param account the sender's nonce and balance
   * @param now the time of arrival
   */
  public AddOutcome add(VerifiedTransaction tx, AccountState account, Instant now) {
    return add(tx, account, now, true);
  }

  /**
   * Puts back a transaction that was acknowledged before: the restore at start and the undo of a
   * failed batch. The same checks as {@link #add} except the capacity limits (global pending and
   * queued, queued per sender): what was acknowledged is not refused for room, and nothing is
   * evicted for it. The pool may then hold more than its limits until blocks drain it; newcomers
   * are refused meanwhile.
   *
   * @param tx the transaction
   * @param account the sender's nonce and balance
   * @param receivedAt when it was first accepted
   */
  public AddOutcome readmit(VerifiedTransaction tx, AccountState account, Instant receivedAt) {
    return add(tx, account, receivedAt, false);
  }

  private AddOutcome add(
      VerifiedTransaction tx, AccountState account, Instant now, boolean checkCapacity) {
    if (byHash.containsKey(tx.hash())) {
      return new AddOutcome.Rejected(PoolRejection.ALREADY_KNOWN, "");
    }
    PooledTransaction candidate = PooledTransaction.of(tx, nextArrival, now);
    SenderQueue queue = senders.get(tx.sender());
    // The pool may already know a newer nonce (from a sealed block) than the caller's view.
    long stateNonce =
        queue == null || Long.compareUnsigned(account.nonce(), queue.accountNonce()) > 0
            ? account.nonce()
            : queue.accountNonce();
    if (Long.compareUnsigned(candidate.nonce(), stateNonce) < 0) {
      return new AddOutcome.Rejected(
          PoolRejection.NONCE_TOO_LOW,
          "next nonce "
              + Long.toUnsignedString(stateNonce)
              + ", tx nonce "
              + Long.toUnsignedString(candidate.nonce()));
    }
    if (candidate.feeCap().compareTo(minFeeCap) < 0) {
      return new AddOutcome.Rejected(
          PoolRejection.FEE_CAP_TOO_LOW,
          "fee cap " + candidate.feeCap() + " below the minimum " + minFeeCap);
    }
    BigInteger cost = candidate.cost().add(l1Fee.of(tx));
    if (cost.compareTo(account.balance()) > 0) {
      return new AddOutcome.Rejected(
          PoolRejection.INSUFFICIENT_FUNDS, "balance " + account.balance() + ", tx cost " + cost);
    }
    if (queue != null && queue.accountNonce() != stateNonce) {
      advance(tx.sender(), queue, stateNonce);
      queue = senders.get(tx.sender());
    }
    Optional<PooledTransaction> existing =
        queue == null ? Optional.empty() : queue.at(candidate.nonce());
    if (existing.isPresent()) {
      return replace(queue, existing.get(), candidate);
    }
    return insert(queue, candidate, stateNonce, checkCapacity);
  }

  private AddOutcome replace(SenderQueue queue, PooledTransaction old, PooledTransaction next) {
    if (!bump.outbids(next, old)) {
      return new AddOutcome.Rejected(
          PoolRejection.REPLACEMENT_UNDERPRICED, "needs " + bump.requirement(old));
    }
    boolean pending = queue.wouldBePending(next.nonce());
    changes++;
    byHash.remove(old.hash());
    queue.put(next);
    byHash.put(next.hash(), next);
    nextArrival++;
    return new AddOutcome.Accepted(next, pending, Optional.of(old), List.of());
  }

  private AddOutcome insert(
      SenderQueue existing, PooledTransaction tx, long stateNonce, boolean checkCapacity) {
    SenderQueue queue = existing == null ? new SenderQueue(stateNonce) : existing;
    boolean pending = queue.wouldBePending(tx.nonce());
    List<PooledTransaction> evicted = List.of();
    if (checkCapacity && pending && pendingTotal >= limits.globalSlots()) {
      Optional<PooledTransaction> victim = pendingEvictionVictim(tx);
      if (victim.isEmpty()) {
        return new AddOutcome.Rejected(
            PoolRejection.POOL_FULL,
            "pending "
                + pendingTotal
                + " of "
                + limits.globalSlots()
                + ", and it outbids no evictable transaction by "
                + bump.percent()
                + " %");
      }
      evicted = removeFrom(victim.get());
    } else if (checkCapacity && !pending) {
      if (queue.queuedCount() >= limits.accountQueue()) {
        return new AddOutcome.Rejected(
            PoolRejection.ACCOUNT_LIMIT,
            "sender has " + queue.queuedCount() + " queued of " + limits.accountQueue());
      }
      if (queuedTotal >= limits.globalQueue()) {
        return new AddOutcome.Rejected(
            PoolRejection.POOL_FULL,
            "queued " + queuedTotal + " of " + limits.globalQueue() + ", never evicted");
      }
    }
    int before = queue.pendingCount();
    int queuedBefore = queue.queuedCount();
    changes++;
    queue.put(tx);
    senders.put(tx.sender(), queue);
    byHash.put(tx.hash(), tx);
    nextArrival++;
    pendingTotal += queue.pendingCount() - before;
    queuedTotal += queue.queuedCount() - queuedBefore;
    return new AddOutcome.Accepted(tx, pending, Optional.empty(), evicted);
  }

  /**
   * The eviction rule, the only way a full pool makes room. A pending newcomer that finds the
   * pending area full may evict one transaction, which must be:
   *
   * <ul>
   *   <li>of another sender that holds more than its guaranteed {@link PoolLimits#accountSlots}
   *       pending transactions (a sender within its slots never loses one);
   *   <li>that sender's highest nonce in the pool, pending, with nothing queued behind it (no later
   *       nonce of that sender is left behind a gap);
   *   <li>outbid by the newcomer ({@link PriceBump}: both caps at least the price bump, 10 % by
   *       default, higher), so that a newcomer paying the same as the pool is refused ({@code
   *       txpool is full}) and retries: back-pressure, not the loss of an acknowledged transaction.
   * </ul>
   *
   * Of those, the cheapest goes: lowest fee cap, then lowest tip cap, then the latest arrival.
   * Queued transactions are never evicted (a queued newcomer into a full queued area is refused);
   * they leave only by expiry, inclusion or replacement.
   *
   * <p>A full pool under load refuses far more newcomers than it admits (clients retry until blocks
   * drain it), so a newcomer whose fee cap cannot outbid even the lowest evictable fee cap ({@link
   * #evictionFloor()}, computed once per change of the pool) is refused without the scan.
   */
  private Optional<PooledTransaction> pendingEvictionVictim(PooledTransaction newcomer) {
    BigInteger floor = evictionFloor();
    if (floor == null || !bump.outbidsFeeCap(newcomer.feeCap(), floor)) {
      return Optional.empty();
    }
    PooledTransaction cheapest = null;
    for (Map.Entry<Address, SenderQueue> e : senders.entrySet()) {
      SenderQueue q = e.getValue();
      if (q.pendingCount() <= limits.accountSlots()
          || q.queuedCount() > 0
          || e.getKey().equals(newcomer.sender())) {
        continue;
      }
      PooledTransaction tail = q.lastPending().orElseThrow();
      if (bump.outbids(newcomer, tail)
          && (cheapest == null || CHEAPEST.compare(tail, cheapest) < 0)) {
        cheapest = tail;
      }
    }
    return Optional.ofNullable(cheapest);
  }

  /** The lowest fee cap among evictable transactions of any sender; null when there is none. */
  private BigInteger evictionFloor() {
    if (floorChanges != changes) {
      BigInteger lowest = null;
      for (SenderQueue q : senders.values()) {
        if (q.pendingCount() > limits.accountSlots() && q.queuedCount() == 0) {
          BigInteger feeCap = q.lastPending().orElseThrow().feeCap();
          lowest = lowest == null ? feeCap : lowest.min(feeCap);
        }
      }
      evictionFloor = lowest;
      floorChanges = changes;
    }
    return evictionFloor;
  }

  /**
   * Removes one transaction; the sender's higher nonces become queued again when it was pending.
   * Returns what left the pool.
   */
  private List<PooledTransaction> removeFrom(PooledTransaction tx) {
    SenderQueue queue = senders.get(tx.sender());
    int pendingBefore = queue.pendingCount();
    int queuedBefore = queue.queuedCount();
    changes++;
    queue.remove(tx.nonce());
    byHash.remove(tx.hash());
    pendingTotal += queue.pendingCount() - pendingBefore;
    queuedTotal += queue.queuedCount() - queuedBefore;
    if (queue.isEmpty()) {
      senders.remove(tx.sender());
    }
    return List.of(tx);
  }

  /** Removes a transaction by hash (e.g. when its persisted row could not be written). */
  public Optional<PooledTransaction> remove(Hash hash) {
    PooledTransaction tx = byHash.get(hash);
    if (tx == null) {
      return Optional.empty();
    }
    removeFrom(tx);
    return Optional.of(tx);
  }

  /**
   * A sealed block moved these accounts' nonces: drops what became stale (included or superseded)
   * and promotes queued transactions whose gap closed. Returns what was dropped.
   */
  public List<PooledTransaction> onNewNonces(Map<Address, Long> accountNonces) {
    List<PooledTransaction> dropped = new ArrayList<>();
    accountNonces.forEach(
        (sender, nonce) -> {
          SenderQueue queue = senders.get(sender);
          if (queue != null && Long.compareUnsigned(nonce, queue.accountNonce()) > 0) {
            dropped.addAll(advance(sender, queue, nonce));
          }
        });
    return dropped;
  }

  /** Moves a sender's account nonce forward, keeping the totals; returns the stale ones. */
  private List<PooledTransaction> advance(Address sender, SenderQueue queue, long nonce) {
    int pendingBefore = queue.pendingCount();
    int queuedBefore = queue.queuedCount();
    changes++;
    List<PooledTransaction> stale = queue.advanceTo(nonce);
    stale.forEach(tx -> byHash.remove(tx.hash()));
    pendingTotal += queue.pendingCount() - pendingBefore;
    queuedTotal += queue.queuedCount() - queuedBefore;
    if (queue.isEmpty()) {
      senders.remove(sender);
    }
    return stale;
  }

  /** Drops queued transactions that have waited longer than the lifetime. Returns them. */
  public List<PooledTransaction> expire(Instant now) {
    Instant cutoff = now.minus(limits.lifetime());
    List<PooledTransaction> expired = new ArrayList<>();
    for (SenderQueue queue : List.copyOf(senders.values())) {
      for (PooledTransaction tx : queue.queuedTransactions()) {
        if (tx.receivedAt().isBefore(cutoff)) {
          expired.addAll(removeFrom(tx));
        }
      }
    }
    return expired;
  }

  /**
   * The transactions for the next block, in inclusion order: only pending ones whose fee cap covers
   * the base fee; each sender's in nonce order; between senders as the policy orders their next
   * transactions; until the gas budget or the count runs out. A sender whose next transaction does
   * not fit contributes nothing more (its later nonces depend on it). The pool is unchanged.
   */
  public List<PooledTransaction> select(
      BigInteger baseFee, long gasBudget, int maxCount, OrderingPolicy policy) {
    PriorityQueue<Cursor> heads =
        new PriorityQueue<>(Comparator.comparing((Cursor c) -> c.current(), policy.order(baseFee)));
    for (SenderQueue queue : senders.values()) {
      List<PooledTransaction> pending = queue.pendingTransactions();
      if (!pending.isEmpty() && pending.get(0).feeCap().compareTo(baseFee) >= 0) {
        heads.add(new Cursor(pending));
      }
    }
    List<PooledTransaction> selected = new ArrayList<>();
    long gasLeft = gasBudget;
    while (!heads.isEmpty() && selected.size() < maxCount) {
      Cursor cursor = heads.poll();
      PooledTransaction tx = cursor.current();
      if (tx.gasLimit() > gasLeft) {
        continue;
      }
      selected.add(tx);
      gasLeft -= tx.gasLimit();
      if (cursor.advance() && cursor.current().feeCap().compareTo(baseFee) >= 0) {
        heads.add(cursor);
      }
    }
    return selected;
  }

  /** The transaction with this hash, if pooled. */
  public Optional<PooledTransaction> get(Hash hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  /**
   * The nonce a sender's next transaction should carry: after its pending transactions, and never
   * below the account's nonce.
   */
  public long pendingNonce(Address sender, long accountNonce) {
    SenderQueue queue = senders.get(sender);
    if (queue == null) {
      return accountNonce;
    }
    long next = queue.nextNonce();
    return Long.compareUnsigned(next, accountNonce) > 0 ? next : accountNonce;
  }

  /** Pending transactions in the pool. */
  public int pendingCount() {
    return pendingTotal;
  }

  /** Queued transactions in the pool. */
  public int queuedCount() {
    return queuedTotal;
  }

  /** A sender's transactions: pending then queued, each in nonce order. */
  public List<PooledTransaction> transactionsOf(Address sender) {
    SenderQueue queue = senders.get(sender);
    if (queue == null) {
      return List.of();
    }
    List<PooledTransaction> all = new ArrayList<>(queue.pendingTransactions());
    all.addAll(queue.queuedTransactions());
    return all;
  }

  /** Walks one sender's pending transactions during {@link #select}. */
  private static final class Cursor {
    private final List<PooledTransaction> txs;
    private int index;

    Cursor(List<PooledTransaction> txs) {
      this.txs = txs;
    }

    PooledTransaction current() {
      return txs.get(index);
    }

    boolean advance() {
      index++;
      return index < txs.size();
    }
  }
}
