package io.paraseq.sequencer.pool;

import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A user transaction in the pool, with the numbers the pool orders and checks by.
 *
 * @param verified the decoded, validated transaction and its sender
 * @param nonce its nonce (unsigned 64-bit)
 * @param feeCap the most it pays per gas: {@code maxFeePerGas}, or the gas price
 * @param tipCap the most it tips per gas: {@code maxPriorityFeePerGas}, or the gas price
 * @param cost the most it can spend: gas limit × fee cap + value
 * @param arrival the pool's arrival sequence number (fifo order, eviction of the oldest)
 * @param receivedAt when it was accepted
 */
public record PooledTransaction(
    VerifiedTransaction verified,
    long nonce,
    BigInteger feeCap,
    BigInteger tipCap,
    BigInteger cost,
    long arrival,
    Instant receivedAt) {

  /** Requires every component. */
  public PooledTransaction {
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(feeCap, "feeCap");
    Objects.requireNonNull(tipCap, "tipCap");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * Wraps a verified user transaction. Deposits never enter the pool: the sequencer creates them
   * from L1 events.
   */
  public static PooledTransaction of(VerifiedTransaction verified, long arrival, Instant now) {
    if (!(verified.transaction() instanceof SignedTransaction signed)) {
      throw new IllegalArgumentException(
          "only signed user transactions enter the pool, not " + verified.transaction().type());
    }
    BigInteger feeCap = signed.payload().maxGasPrice().value();
    BigInteger tipCap =
        signed.payload() instanceof DynamicFeeTransaction dynamic
            ? dynamic.maxPriorityFeePerGas().value()
            : feeCap;
    BigInteger cost =
        BigInteger.valueOf(signed.gasLimit()).multiply(feeCap).add(signed.value().value());
    return new PooledTransaction(
        verified, signed.payload().nonce(), feeCap, tipCap, cost, arrival, now);
  }

  /** The transaction's hash. */
  public Hash hash() {
    return verified.hash();
  }

  /** The recovered sender. */
  public Address sender() {
    return verified.sender();
  }

  /** Its gas limit. */
  public long gasLimit() {
    return verified.transaction().gasLimit();
  }

  /**
   * The tip per gas it pays at {@code baseFee}: min(tip cap, fee cap − base fee); negative when the
   * fee cap is below the base fee (then it cannot be included).
   */
  public BigInteger effectiveTip(BigInteger baseFee) {
    return tipCap.min(feeCap.subtract(baseFee));
  }
}
