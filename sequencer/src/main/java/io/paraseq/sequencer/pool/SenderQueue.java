package io.paraseq.sequencer.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One sender's transactions by nonce, and the split between pending (contiguous from the account's
 * nonce) and queued (after a gap). Owned by the {@link TxPool}'s writer thread.
 */
final class SenderQueue {

  private final NavigableMap<Long, PooledTransaction> byNonce =
      new TreeMap<>(Long::compareUnsigned);
  private long accountNonce;
  private int pending;

  SenderQueue(long accountNonce) {
    this.accountNonce = accountNonce;
  }

  long accountNonce() {
    return accountNonce;
  }

  int pendingCount() {
    return pending;
  }

  int queuedCount() {
    return byNonce.size() - pending;
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  Optional<PooledTransaction> at(long nonce) {
    return Optional.ofNullable(byNonce.get(nonce));
  }

  /** The nonce the next transaction of this sender needs to be executable. */
  long nextNonce() {
    return accountNonce + pending;
  }

  /** Whether a new transaction with this nonce would be pending. */
  boolean wouldBePending(long nonce) {
    return Long.compareUnsigned(nonce, nextNonce()) <= 0;
  }

  void put(PooledTransaction tx) {
    byNonce.put(tx.nonce(), tx);
    recount();
  }

  Optional<PooledTransaction> remove(long nonce) {
    PooledTransaction removed = byNonce.remove(nonce);
    recount();
    return Optional.ofNullable(removed);
  }

  /** Moves the account's nonce forward; returns the transactions it made stale. */
  List<PooledTransaction> advanceTo(long newAccountNonce) {
    accountNonce = newAccountNonce;
    Map<Long, PooledTransaction> stale = byNonce.headMap(newAccountNonce, false);
    List<PooledTransaction> removed = new ArrayList<>(stale.values());
    stale.clear();
    recount();
    return removed;
  }

  /** Pending transactions in nonce order. */
  List<PooledTransaction> pendingTransactions() {
    return new ArrayList<>(byNonce.headMap(nextNonce(), false).values());
  }

  /** Queued transactions in nonce order. */
  List<PooledTransaction> queuedTransactions() {
    return new ArrayList<>(byNonce.tailMap(nextNonce(), true).values());
  }

  /** The pending transaction with the highest nonce, if any. */
  Optional<PooledTransaction> lastPending() {
    return pending == 0 ? Optional.empty() : Optional.of(byNonce.get(nextNonce() - 1));
  }

  private void recount() {
    int count = 0;
    long expected = accountNonce;
    for (Long nonce : byNonce.tailMap(accountNonce, true).keySet()) {
      if (nonce != expected) {
        break;
      }
      count++;
      expected++;
    }
    pending = count;
  }
}
