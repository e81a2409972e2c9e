package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.pool.AccountState;

/**
 * The latest sealed state's view of an account, as the pool's stateful checks need it. Called on
 * the pool writer thread; implementations must be thread-safe and must not block for long.
 */
public interface AccountStateSource {

  /** The account's nonce and balance; an unknown account has nonce 0 and balance 0. */
  AccountState account(Address address);
}
