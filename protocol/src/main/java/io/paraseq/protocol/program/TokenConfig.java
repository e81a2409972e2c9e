package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An ERC-20 token created at genesis. The total supply is the sum of the initial balances plus what
 * pairs over the token are funded with ({@link PairConfig}); there is no minting later. {@link
 * ProgramGenesis} validates it. Immutable.
 *
 * @param address the token's fixed address
 * @param name the name, non-empty
 * @param symbol the symbol, non-empty
 * @param decimals the decimals, in [0, 255]
 * @param initialBalances holder → balance, each in [0, 2^256-1]; sorted by holder
 */
public record TokenConfig(
    Address address,
    String name,
    String symbol,
    int decimals,
    NavigableMap<Address, BigInteger> initialBalances) {

  /** Copies the balances into holder order and requires every component. */
  public TokenConfig {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(symbol, "symbol");
    initialBalances = Collections.unmodifiableNavigableMap(new TreeMap<>(initialBalances));
  }

  /** A token with {@code initialBalances} in any map. */
  public static TokenConfig of(
      Address address,
      String name,
      String symbol,
      int decimals,
      Map<Address, BigInteger> initialBalances) {
    return new TokenConfig(address, name, symbol, decimals, new TreeMap<>(initialBalances));
  }
}
