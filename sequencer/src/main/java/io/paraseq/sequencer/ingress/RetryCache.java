package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.crypto.Keccak256;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The verified form of transactions that the pool refused for back-pressure ({@code txpool is
 * full}, a full writer queue), so that the client's retry of the same raw bytes skips decoding and
 * sender recovery — the expensive part of ingress — and goes straight to the pool's rules again.
 * Under sustained overload most submissions are such retries; without the cache each one costs a
 * signature recovery for nothing.
 *
 * <p>A transaction's hash is keccak-256 of its raw bytes (every type), so a retry is found by
 * hashing the bytes it arrives with; a hit is the very transaction verified before (stateless
 * checks and the sender depend on the bytes alone). Direct-mapped and bounded: entry {@code i}
 * holds the last remembered transaction whose hash falls on {@code i}; a newer one overwrites it. A
 * miss only costs the normal path. Lock-free; safe from any thread.
 *
 * <p>While no entry is held (no back-pressure lately: the usual case), {@link #lookup} answers
 * without hashing the bytes, so a submission pays for one keccak-256 of its bytes (in the
 * verifier), not two. A lookup racing with the first {@link #remember} may miss it: a miss only
 * costs the normal path.
 */
final class RetryCache {

  private final AtomicReferenceArray<VerifiedTransaction> entries;
  private final int mask;
  private final int maxBytes;
  private final AtomicInteger held = new AtomicInteger();

  /**
   * A cache of {@code capacity} entries keeping transactions of at most {@code maxBytes} raw bytes.
   *
   * @throws IllegalArgumentException unless {@code capacity} is a power of two ≥ 1
   */
  RetryCache(int capacity, int maxBytes) {
    if (capacity < 1 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    this.entries = new AtomicReferenceArray<>(capacity);
    this.mask = capacity - 1;
    this.maxBytes = maxBytes;
  }

  /** The hash of a transaction with these raw bytes. */
  static Hash hashOf(Bytes raw) {
    return Hash.of(Bytes.of(Keccak256.hash(raw.toArray())));
  }

  /** The remembered transaction with these raw bytes, or null; hashes them only if any is held. */
  VerifiedTransaction lookup(Bytes raw) {
    return held.get() == 0 ? null : get(hashOf(raw));
  }

  /** The number of entries held. */
  int size() {
    return held.get();
  }

  /** The remembered transaction with {@code hash}, or null. */
  VerifiedTransaction get(Hash hash) {
    VerifiedTransaction tx = entries.get(index(hash));
    return tx != null && tx.hash().equals(hash) ? tx : null;
  }

  /** Remembers {@code tx}, of {@code rawLength} bytes, for its next submission (if not too big). */
  void remember(VerifiedTransaction tx, int rawLength) {
    if (rawLength <= maxBytes && entries.getAndSet(index(tx.hash()), tx) == null) {
      held.incrementAndGet();
    }
  }

  /** Forgets {@code tx} (it was accepted or refused for good). */
  void forget(VerifiedTransaction tx) {
    if (entries.compareAndSet(index(tx.hash()), tx, null)) {
      held.decrementAndGet();
    }
  }

  private int index(Hash hash) {
    return hash.hashCode() & mask;
  }
}
