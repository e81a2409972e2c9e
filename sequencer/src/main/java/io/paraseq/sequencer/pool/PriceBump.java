package io.paraseq.sequencer.pool;

import java.math.BigInteger;

/**
 * What "pays more" means in the pool, in one place: a transaction outbids another when its fee cap
 * and its tip cap are each strictly higher than the other's and at least the price bump ({@link
 * PoolLimits#priceBumpPercent}, 10 %) above it, as geth's replacement check (strictly higher even
 * for a zero tip or a zero bump: equal never outbids). A replacement of a (sender, nonce) slot
 * needs it, and so does a newcomer that evicts another sender's transaction from a full pool. Both
 * caps, not the effective tip at the base fee: the verdict depends on the two transactions only
 * (the base fee moves between admission and inclusion, and the restore at start replays it), and
 * neither cap can be lowered by raising the other.
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

  /** Whether {@code next} pays more than {@code old}, by at least the bump, in both caps. */
  boolean outbids(PooledTransaction next, PooledTransaction old) {
    return outbidsFeeCap(next.feeCap(), old.feeCap())
        && next.tipCap().compareTo(bumped(old.tipCap())) >= 0;
  }

  /**
   * Whether a fee cap of {@code next} is enough to outbid a transaction whose fee cap is {@code
   * old} (the tip cap aside): false means no transaction with a fee cap ≥ {@code old} can be
   * outbid.
   */
  boolean outbidsFeeCap(BigInteger next, BigInteger old) {
    return next.compareTo(bumped(old)) >= 0;
  }

  /** The caps a transaction needs to outbid {@code old}, for an error detail. */
  String requirement(PooledTransaction old) {
    return "fee cap ≥ " + bumped(old.feeCap()) + " and tip cap ≥ " + bumped(old.tipCap());
  }

  /** The least cap that outbids {@code value}: raised by the bump (rounded up), and above it. */
  private BigInteger bumped(BigInteger value) {
    BigInteger[] qr = value.multiply(factor).divideAndRemainder(HUNDRED);
    BigInteger raised = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return raised.max(value.add(BigInteger.ONE));
  }
}
