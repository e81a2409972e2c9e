package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.pool.AccountState;
import java.math.BigInteger;
import java.util.List;
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

  /** 10,000 ETH in wei, the devnet allocation of each development account. */
  public static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(22);

  /**
   * The ten development accounts of the mnemonic {@code test test test test test test test test
   * test test test junk} (path m/44'/60'/0'/0/i), the same as anvil's and hardhat's.
   */
  public static final List<Address> DEV_ACCOUNTS =
      List.of(
              "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
              "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
              "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
              "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
              "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
              "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
              "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
              "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
              "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
              "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720")
          .stream()
          .map(Address::fromHex)
          .toList();

  private static final AccountState EMPTY = new AccountState(0, BigInteger.ZERO);

  private final Map<Address, AccountState> accounts = new ConcurrentHashMap<>();

  /** An allocation of the given accounts. */
  public GenesisAccounts(Map<Address, AccountState> allocation) {
    accounts.putAll(allocation);
  }

  /** The devnet and test default: the ten development accounts with 10,000 ETH each. */
  public static GenesisAccounts devAccounts() {
    GenesisAccounts genesis = new GenesisAccounts(Map.of());
    DEV_ACCOUNTS.forEach(a -> genesis.set(a, new AccountState(0, DEV_BALANCE)));
    return genesis;
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
