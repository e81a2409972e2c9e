package io.paraseq.protocol.exec.stm;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A transaction's write of the fee recipient when it only credited fees: a commutative delta added
 * to whatever the fee recipient holds below it, not a value. Immutable.
 *
 * @param amount the wei credited, the sum of the transaction's fee credits (zero counts: a zero fee
 *     still touches the account, as in the sequential executor)
 */
record FeeCredit(BigInteger amount) {

  /** Requires a non-negative amount. */
  FeeCredit {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative fee credit " + amount);
    }
  }
}
