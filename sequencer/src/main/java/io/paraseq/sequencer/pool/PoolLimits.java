package io.paraseq.sequencer.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * The pool's bounds, named as in geth's txpool (the eviction rule differs: {@link TxPool}).
 *
 * @param accountSlots pending transactions guaranteed to each sender; a sender may hold more while
 *     the pool has room, and only that excess may be evicted when it is full (by a newcomer that
 *     outbids it)
 * @param accountQueue queued (not yet executable) transactions per sender
 * @param globalSlots pending transactions in the whole pool; when reached, a pending newcomer is
 *     refused unless it may evict one
 * @param globalQueue queued transactions in the whole pool; when reached, a queued newcomer is
 *     refused (queued transactions are never evicted)
 * @param lifetime how long a queued transaction may wait for its nonce gap to close
 * @param priceBumpPercent how much higher both fee caps of a replacement must be
 */
public record PoolLimits(
    int accountSlots,
    int accountQueue,
    int globalSlots,
    int globalQueue,
    Duration lifetime,
    int priceBumpPercent) {

  /** The defaults: 16 / 64 per sender, 5,120 / 1,024 in all, 3 h, 10 %. */
  public static final PoolLimits DEFAULTS =
      new PoolLimits(16, 64, 5120, 1024, Duration.ofHours(3), 10);

  /** Checks that every bound is positive and the per-sender ones fit in the global ones. */
  public PoolLimits {
    Objects.requireNonNull(lifetime, "lifetime");
    String shown =
        "accountSlots=%d accountQueue=%d globalSlots=%d globalQueue=%d"
            .formatted(accountSlots, accountQueue, globalSlots, globalQueue);
    if (accountSlots < 1 || accountQueue < 1 || globalSlots < 1 || globalQueue < 1) {
      throw new IllegalArgumentException("pool limits must be positive: " + shown);
    }
    if (accountSlots > globalSlots || accountQueue > globalQueue) {
      throw new IllegalArgumentException("per-sender limits exceed the global ones: " + shown);
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("pool lifetime must be positive: " + lifetime);
    }
    if (priceBumpPercent < 0 || priceBumpPercent > 1000) {
      throw new IllegalArgumentException("price bump must be 0..1000 %: " + priceBumpPercent);
    }
  }
}
