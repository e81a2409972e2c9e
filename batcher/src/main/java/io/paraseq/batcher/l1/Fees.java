package io.paraseq.batcher.l1;

import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The EIP-1559 fee fields of one L1 transaction.
 *
 * @param maxFeePerGas the fee cap
 * @param maxPriorityFeePerGas the tip cap, at most {@code maxFeePerGas}
 */
public record Fees(Wei maxFeePerGas, Wei maxPriorityFeePerGas) {

  /** Checks that the tip does not exceed the fee cap. */
  public Fees {
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
      throw new IllegalArgumentException(
          "tip " + maxPriorityFeePerGas + " above fee cap " + maxFeePerGas);
    }
  }

  /**
   * True when a node replaces a pending transaction with these fees by one with {@code
   * replacement}: geth's rule, both caps at least {@code percent} % higher (and strictly higher).
   */
  public boolean replaceableBy(Fees replacement, int percent) {
    return replacement.maxFeePerGas.compareTo(bumped(maxFeePerGas, percent)) >= 0
        && replacement.maxPriorityFeePerGas.compareTo(bumped(maxPriorityFeePerGas, percent)) >= 0;
  }

  /**
   * {@code value} raised by {@code percent} %, rounded up, and at least one wei more: the smallest
   * amount geth's replacement rule accepts.
   */
  static Wei bumped(Wei value, int percent) {
    BigInteger scaled = value.value().multiply(BigInteger.valueOf(100L + percent));
    BigInteger[] qr = scaled.divideAndRemainder(BigInteger.valueOf(100));
    BigInteger up = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return Wei.of(up.max(value.value().add(BigInteger.ONE)));
  }
}
