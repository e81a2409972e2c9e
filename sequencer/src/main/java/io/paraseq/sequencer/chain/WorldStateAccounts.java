package io.paraseq.sequencer.chain;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.ingress.AccountStateSource;
import io.paraseq.sequencer.pool.AccountState;
import java.util.Objects;

/**
 * The pool's account source: the world state's latest view (the state after the last applied
 * block). Thread-safe: {@link WorldState#view()} may be read from any thread while the producer
 * applies blocks.
 */
final class WorldStateAccounts implements AccountStateSource {

  private final WorldState state;

  WorldStateAccounts(WorldState state) {
    this.state = Objects.requireNonNull(state, "state");
  }

  @Override
  public AccountState account(Address address) {
    Account account = state.view().account(address);
    return new AccountState(account.nonce(), account.balance().value());
  }
}
