package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.pool.AccountState;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A settable account source over a genesis allocation, in a concurrent map: for tests of the pool
 * and ingress that set nonces and balances directly. The node's source is the world state's latest
 * view ({@code chain.WorldStateAccounts}).
 *
 * <p>Thread-safe: reads come from the pool writer thread, {@link #set} from anywhere.
 */
public final class GenesisAccounts implements AccountStateSource {

  private static final AccountState EMPTY = new AccountState(0, BigInteger.ZERO);

  private final Map<Address, AccountState> accounts = new ConcurrentHashMap<>();

  /** An allocation of the given accounts. */
  public GenesisAccounts(Map<Address, AccountState> allocation) {
    accounts.putAll(allocation);
  }

  /** The nonces and balances of a genesis allocation. */
  public static GenesisAccounts of(GenesisAlloc alloc) {
    GenesisAccounts genesis = new GenesisAccounts(Map.of());
    alloc
        .accounts()
        .forEach(
            (address, allocation) ->
                genesis.set(
                    address, new AccountState(allocation.nonce(), allocation.balance().value())));
    return genesis;
  }

  /**
   * The devnet and test default: the ten development accounts with 10,000 ETH each ({@link
   * DevAccounts}, the protocol's one list of them).
   */
  public static GenesisAccounts devAccounts() {
    return of(DevAccounts.alloc());
  }

  @Override
  public AccountState account(Address address) {
    return accounts.getOrDefault(address, EMPTY);
  }

  /** Sets an account (a genesis entry, or a test's extra funded sender). */
  public void set(Address address, AccountState state) {
    accounts.put(
        Objects.requireNonNull(address, "address"), Objects.requireNonNull(state, "state"));
  }
}
