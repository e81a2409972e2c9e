package io.paraseq.protocol.program;

import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns token and pair configurations into genesis accounts: each program's account gets its kind's
 * code hash, balance 0, nonce 0 and the storage its layout prescribes ({@link Erc20Layout}, {@link
 * PairLayout}); a pair's initial reserves are credited to the pair on each token and added to the
 * token's total supply. Validates everything first and refuses with an {@link
 * InvalidProgramConfigException} naming the problem. Stateless.
 */
public final class ProgramGenesis {

  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);
  private static final int MAX_DECIMALS = 255;

  private ProgramGenesis() {}

  /**
   * The genesis accounts of {@code tokens} and {@code pairs}, by address.
   *
   * @throws InvalidProgramConfigException if the configuration is invalid
   */
  public static Map<Address, Allocation> allocations(
      List<TokenConfig> tokens, List<PairConfig> pairs) {
    Map<Address, TokenConfig> tokensByAddress = validate(tokens, pairs);
    Map<Address, Map<Address, BigInteger>> balances = new HashMap<>();
    tokens.forEach(token -> balances.put(token.address(), new TreeMap<>(token.initialBalances())));
    Map<Address, Allocation> out = new TreeMap<>();
    for (PairConfig pair : pairs) {
      balances.get(pair.token0()).merge(pair.address(), pair.reserve0(), BigInteger::add);
      balances.get(pair.token1()).merge(pair.address(), pair.reserve1(), BigInteger::add);
      out.put(pair.address(), program(ProgramKind.AMM_PAIR, pairStorage(pair)));
    }
    for (TokenConfig token : tokensByAddress.values()) {
      Map<Address, BigInteger> tokenBalances = balances.get(token.address());
      BigInteger supply = tokenBalances.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
      if (supply.compareTo(UINT256_LIMIT) >= 0) {
        throw invalid("token " + token.address() + ": total supply " + supply + " exceeds 2^256-1");
      }
      out.put(
          token.address(), program(ProgramKind.ERC20, tokenStorage(token, tokenBalances, supply)));
    }
    return out;
  }

  /**
   * {@code base} with the program accounts of {@code tokens} and {@code pairs} added.
   *
   * @throws InvalidProgramConfigException if the configuration is invalid or a program's address is
   *     already allocated in {@code base}
   */
  public static GenesisAlloc withPrograms(
      GenesisAlloc base, List<TokenConfig> tokens, List<PairConfig> pairs) {
    Map<Address, Allocation> accounts = new TreeMap<>(base.accounts());
    allocations(tokens, pairs)
        .forEach(
            (address, allocation) -> {
              if (accounts.put(address, allocation) != null) {
                throw invalid("program address " + address + " is already allocated at genesis");
              }
            });
    return GenesisAlloc.of(accounts);
  }

  private static Allocation program(ProgramKind kind, Map<Hash, Word> storage) {
    return Allocation.of(Wei.ZERO).withStorage(storage).withCodeHash(kind.codeHash());
  }

  private static Map<Hash, Word> tokenStorage(
      TokenConfig token, Map<Address, BigInteger> balances, BigInteger supply) {
    Map<Hash, Word> storage = new TreeMap<>();
    balances.forEach((holder, amount) -> storage.put(Erc20Layout.balance(holder), Word.of(amount)));
    storage.put(Erc20Layout.TOTAL_SUPPLY, Word.of(supply));
    storage.putAll(StorageStrings.layout(Erc20Layout.NAME, token.name()));
    storage.putAll(StorageStrings.layout(Erc20Layout.SYMBOL, token.symbol()));
    storage.put(Erc20Layout.DECIMALS, Word.of(token.decimals()));
    storage.values().removeIf(Word::isZero);
    return storage;
  }

  private static Map<Hash, Word> pairStorage(PairConfig pair) {
    Map<Hash, Word> storage = new TreeMap<>();
    storage.put(PairLayout.TOKEN0, Slots.word(pair.token0()));
    storage.put(PairLayout.TOKEN1, Slots.word(pair.token1()));
    if (pair.reserve0().signum() > 0) {
      BigInteger total = PairMath.initialShares(pair.reserve0(), pair.reserve1());
      storage.put(PairLayout.TOTAL_SHARES, Word.of(total));
      storage.put(PairLayout.shares(Address.ZERO), Word.of(PairMath.MINIMUM_LIQUIDITY));
      storage.put(
          PairLayout.shares(pair.liquidityProvider()),
          Word.of(total.subtract(PairMath.MINIMUM_LIQUIDITY)));
      storage.put(
          PairLayout.RESERVES, PairLayout.packReserves(pair.reserve0(), pair.reserve1(), 0));
    }
    return storage;
  }

  private static Map<Address, TokenConfig> validate(
      List<TokenConfig> tokens, List<PairConfig> pairs) {
    Set<Address> addresses = new HashSet<>();
    Map<Address, TokenConfig> byAddress = new TreeMap<>();
    for (TokenConfig token : tokens) {
      validateToken(token);
      requireNew(addresses, token.address(), "token");
      byAddress.put(token.address(), token);
    }
    for (PairConfig pair : pairs) {
      requireNew(addresses, pair.address(), "pair");
      validatePair(pair, byAddress);
    }
    return byAddress;
  }

  private static void validateToken(TokenConfig token) {
    String where = "token " + token.address();
    if (token.name().isBlank()) {
      throw invalid(where + ": name is empty");
    }
    if (token.symbol().isBlank()) {
      throw invalid(where + ": symbol is empty");
    }
    if (token.decimals() < 0 || token.decimals() > MAX_DECIMALS) {
      throw invalid(where + ": decimals must be in [0, 255], got " + token.decimals());
    }
    token
        .initialBalances()
        .forEach(
            (holder, amount) -> {
              if (holder.equals(Address.ZERO)) {
                throw invalid(where + ": the zero address cannot hold a balance");
              }
              if (amount.signum() < 0 || amount.compareTo(UINT256_LIMIT) >= 0) {
                throw invalid(where + ": balance of " + holder + " out of uint256: " + amount);
              }
            });
  }

  private static void validatePair(PairConfig pair, Map<Address, TokenConfig> tokens) {
    String where = "pair " + pair.address();
    if (pair.token0().equals(pair.token1())) {
      throw invalid(where + ": token0 and token1 are both " + pair.token0());
    }
    for (Address token : List.of(pair.token0(), pair.token1())) {
      if (!tokens.containsKey(token)) {
        throw invalid(where + ": " + token + " is not a configured token");
      }
    }
    for (BigInteger reserve : List.of(pair.reserve0(), pair.reserve1())) {
      if (reserve.signum() < 0 || reserve.compareTo(PairLayout.MAX_RESERVE) > 0) {
        throw invalid(where + ": reserve " + reserve + " out of uint112");
      }
    }
    if (pair.reserve0().signum() == 0 != (pair.reserve1().signum() == 0)) {
      throw invalid(where + ": reserves must be both zero or both positive");
    }
    if (pair.reserve0().signum() > 0) {
      if (PairMath.initialShares(pair.reserve0(), pair.reserve1())
              .compareTo(PairMath.MINIMUM_LIQUIDITY)
          <= 0) {
        throw invalid(where + ": sqrt(reserve0 × reserve1) must exceed 1000");
      }
      if (pair.liquidityProvider().equals(Address.ZERO)) {
        throw invalid(where + ": the liquidity provider cannot be the zero address");
      }
    }
  }

  private static void requireNew(Set<Address> seen, Address address, String what) {
    if (address.equals(Address.ZERO)) {
      throw invalid(what + " at the zero address");
    }
    if (!seen.add(address)) {
      throw invalid(what + " " + address + ": another program has the same address");
    }
  }

  private static InvalidProgramConfigException invalid(String message) {
    return new InvalidProgramConfigException("invalid native program configuration: " + message);
  }
}
