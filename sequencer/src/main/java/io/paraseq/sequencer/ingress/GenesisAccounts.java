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
 * The account state before block production exists: the genesis allocation, in a concurrent map.
 * This is the node's {@link AccountStateSource} until the world state and the block producer
 * arrive; then the latest sealed state replaces it (and moves nonces through {@code
 * TxPool.onNewNonces}).
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
