package io.paraseq.sequencer.chain;

import io.paraseq.protocol.chain.DevnetPrograms;
import io.paraseq.protocol.program.InvalidProgramConfigException;
import io.paraseq.protocol.program.PairConfig;
import io.paraseq.protocol.program.ProgramGenesis;
import io.paraseq.protocol.program.TokenConfig;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.ChainProperties.GenesisPair;
import io.paraseq.sequencer.config.ChainProperties.GenesisToken;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The native programs the genesis creates: the devnet's ({@link DevnetPrograms}, when {@code
 * paraseq.chain.dev-programs}) and the configured {@code paraseq.chain.tokens} and {@code
 * paraseq.chain.pairs}. Parses the text settings here (with {@link GenesisText}'s formats) and
 * leaves the rules of programs (duplicate addresses, supplies, reserves, liquidity) to {@link
 * ProgramGenesis}, the one place they live; every refusal is a {@link GenesisAllocException}.
 * Stateless.
 */
final class GenesisPrograms {

  private static final int DEFAULT_DECIMALS = 18;
  private static final int UINT256 = 256;

  private GenesisPrograms() {}

  /**
   * {@code accounts} with the program accounts of the settings added.
   *
   * @throws GenesisAllocException if a program setting is invalid or a program's address is already
   *     allocated
   */
  static GenesisAlloc addTo(GenesisAlloc accounts, ChainProperties properties) {
    List<TokenConfig> tokens = new ArrayList<>();
    List<PairConfig> pairs = new ArrayList<>();
    if (properties.devProgramsEnabled()) {
      tokens.addAll(DevnetPrograms.tokens());
      pairs.addAll(DevnetPrograms.pairs());
    }
    for (int i = 0; i < properties.tokens().size(); i++) {
      tokens.add(token("paraseq.chain.tokens[" + i + "]", properties.tokens().get(i)));
    }
    for (int i = 0; i < properties.pairs().size(); i++) {
      pairs.add(pair("paraseq.chain.pairs[" + i + "]", properties.pairs().get(i)));
    }
    if (tokens.isEmpty() && pairs.isEmpty()) {
      return accounts;
    }
    try {
      return ProgramGenesis.withPrograms(accounts, tokens, pairs);
    } catch (InvalidProgramConfigException e) {
      throw new GenesisAllocException(e.getMessage() + " (" + describe(properties) + ")", e);
    }
  }

  /** The program settings in one line, for messages. */
  static String describe(ChainProperties properties) {
    return "paraseq.chain.dev-programs="
        + properties.devProgramsEnabled()
        + ", paraseq.chain.tokens: "
        + properties.tokens().size()
        + ", paraseq.chain.pairs: "
        + properties.pairs().size();
  }

  private static TokenConfig token(String where, GenesisToken token) {
    Address address =
        GenesisText.address(where + ".address", required(where, "address", token.address()));
    String name = required(where, "name", token.name());
    String symbol = required(where, "symbol", token.symbol());
    int decimals = token.decimals() == null ? DEFAULT_DECIMALS : token.decimals();
    Map<Address, BigInteger> balances = new TreeMap<>();
    new TreeMap<>(token.balances())
        .forEach(
            (holder, amount) -> {
              String at = where + ".balances." + holder;
              Address parsed = GenesisText.address(at, holder);
              if (balances.put(parsed, GenesisText.quantity(at, amount, UINT256)) != null) {
                throw new GenesisAllocException(at + ": holder " + parsed + " is given twice");
              }
            });
    return TokenConfig.of(address, name, symbol, decimals, balances);
  }

  private static PairConfig pair(String where, GenesisPair pair) {
    Address address =
        GenesisText.address(where + ".address", required(where, "address", pair.address()));
    Address token0 =
        GenesisText.address(where + ".token0", required(where, "token0", pair.token0()));
    Address token1 =
        GenesisText.address(where + ".token1", required(where, "token1", pair.token1()));
    BigInteger reserve0 = reserve(where + ".reserve0", pair.reserve0());
    BigInteger reserve1 = reserve(where + ".reserve1", pair.reserve1());
    Address provider = Address.ZERO;
    if (pair.liquidityProvider() != null && !pair.liquidityProvider().isBlank()) {
      provider = GenesisText.address(where + ".liquidity-provider", pair.liquidityProvider());
    } else if (reserve0.signum() > 0 || reserve1.signum() > 0) {
      throw new GenesisAllocException(
          where + ".liquidity-provider is required when the pair starts with reserves");
    }
    return new PairConfig(address, token0, token1, reserve0, reserve1, provider);
  }

  private static BigInteger reserve(String where, String text) {
    return text == null || text.isBlank()
        ? BigInteger.ZERO
        : GenesisText.quantity(where, text, UINT256);
  }

  private static String required(String where, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new GenesisAllocException(where + "." + field + " is required");
    }
    return value;
  }
}
