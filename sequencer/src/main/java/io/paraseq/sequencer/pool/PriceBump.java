package io.paraseq.sequencer.pool;

import java.math.BigInteger;

/**
 * What "pays more" means in the pool, in one place: a transaction outbids another when its fee cap
 * and its tip cap are both at least the price bump ({@link PoolLimits#priceBumpPercent}, 10 %)
 * above the other's. A replacement of a (sender, nonce) slot needs it, and so does a newcomer that
 * evicts another sender's transaction from a full pool. Both caps, not the effective tip at the
 * base fee: the verdict depends on the two transactions only (the base fee moves between admission
 * and inclusion, and the restore at start replays it), and neither cap can be lowered by raising
 * the other.
 */
final class PriceBump {

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final int percent;
  private final BigInteger factor;

  PriceBump(int percent) {
    this.percent = percent;
    this.factor = BigInteger.valueOf(100L + percent);
  }

  /** The bump in percent. */
  int percent() {
    return percent;
  }

  /** Whether {@code next} pays at least the bump more than {@code old} in both caps. */
  boolean outbids(PooledTransaction next, PooledTransaction old) {
    return next.feeCap().multiply(HUNDRED).compareTo(old.feeCap().multiply(factor)) >= 0
        && next.tipCap().multiply(HUNDRED).compareTo(old.tipCap().multiply(factor)) >= 0;
  }

  /** The caps a transaction needs to outbid {@code old}, for an error detail. */
  String requirement(PooledTransaction old) {
    return "fee cap ≥ " + bumped(old.feeCap()) + " and tip cap ≥ " + bumped(old.tipCap());
  }

  /** {@code value} raised by the bump, rounded up. */
  private BigInteger bumped(BigInteger value) {
    BigInteger[] qr = value.multiply(factor).divideAndRemainder(HUNDRED);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }
}
