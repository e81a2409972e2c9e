package io.paraseq.sequencer.pool;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What the pool needs to know of a sender's account in the latest sealed state.
 *
 * @param nonce the account's nonce (unsigned 64-bit)
 * @param balance its balance in wei
 */
public record AccountState(long nonce, BigInteger balance) {

  /** Requires a non-negative balance. */
  public AccountState {
    Objects.requireNonNull(balance, "balance");
    if (balance.signum() < 0) {
      throw new IllegalArgumentException("negative balance " + balance);
    }
  }
}
