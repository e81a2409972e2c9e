package io.paraseq.sequencer.config;

import io.paraseq.protocol.types.Address;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The L2 chain this node sequences. Everything but {@code id} and the genesis allocation ({@code
 * devAccounts}, {@code genesisAllocFile}, {@code alloc}, and the native programs {@code
 * devPrograms}, {@code tokens}, {@code pairs}) may change between starts (they shape the next
 * blocks); the chain id and the genesis are fixed when the database is first initialised ({@code
 * chain_info}), and a node whose configured allocation differs refuses to start. {@code
 * chain.GenesisStateRoot} turns the allocation settings into the genesis allocation.
 *
 * @param id the EIP-155 chain id ({@code PARASEQ_CHAIN_ID}, default 3195); at most 2^53 - 1 so
 *     every JSON client can represent it
 * @param gasLimit the gas limit of every block ({@code PARASEQ_CHAIN_GAS_LIMIT}, 30,000,000)
 * @param baseFeeFloor the lowest base fee, in wei ({@code PARASEQ_CHAIN_BASE_FEE_FLOOR}, 10^7 =
 *     0.01 gwei)
 * @param initialBaseFee the base fee of the genesis block, in wei, at least the floor ({@code
 *     PARASEQ_CHAIN_INITIAL_BASE_FEE}, 10^9 = 1 gwei)
 * @param feeRecipient who receives every block's fees ({@code PARASEQ_CHAIN_FEE_RECIPIENT},
 *     0x4200000000000000000000000000000000000011, the OP Stack's sequencer fee vault address)
 * @param devAccounts whether the genesis funds the ten development accounts with 10,000 ETH each
 *     ({@code PARASEQ_CHAIN_DEV_ACCOUNTS}, true)
 * @param genesisAllocFile a JSON file in the format of the {@code alloc} object of a geth genesis
 *     file, whose accounts the genesis allocates too ({@code PARASEQ_CHAIN_GENESIS_ALLOC_FILE},
 *     empty = none)
 * @param alloc accounts the genesis allocates, by address ({@code
 *     paraseq.chain.alloc.<address>.balance}, {@code .nonce}, {@code .storage.<slot>}; empty)
 * @param devPrograms whether the genesis creates the devnet's native programs ({@code
 *     protocol.chain.DevnetPrograms}: tokens TKA and TKB funding the ten development accounts and
 *     their pair) besides {@code tokens} and {@code pairs} ({@code PARASEQ_CHAIN_DEV_PROGRAMS};
 *     unset = the value of {@code devAccounts})
 * @param tokens ERC-20 tokens the genesis creates ({@code paraseq.chain.tokens[i].address}, {@code
 *     .name}, {@code .symbol}, {@code .decimals}, {@code .balances.<holder>}; none)
 * @param pairs AMM pairs the genesis creates over configured tokens ({@code
 *     paraseq.chain.pairs[i].address}, {@code .token0}, {@code .token1}, {@code .reserve0}, {@code
 *     .reserve1}, {@code .liquidity-provider}; none)
 */
@ConfigurationProperties("paraseq.chain")
@Validated
public record ChainProperties(
    @DefaultValue("3195") @Min(1) @Max(9007199254740991L) long id,
    @DefaultValue("30000000") @Min(2) long gasLimit,
    @DefaultValue("10000000") @NotNull BigInteger baseFeeFloor,
    @DefaultValue("1000000000") @NotNull BigInteger initialBaseFee,
    @DefaultValue("0x4200000000000000000000000000000000000011") @NotNull String feeRecipient,
    @DefaultValue("true") boolean devAccounts,
    @DefaultValue("") String genesisAllocFile,
    @DefaultValue Map<String, GenesisAccount> alloc,
    Boolean devPrograms,
    @DefaultValue List<GenesisToken> tokens,
    @DefaultValue List<GenesisPair> pairs) {

  /** Checks what annotations cannot; the allocation is checked when the genesis is built. */
  public ChainProperties {
    genesisAllocFile = genesisAllocFile == null ? "" : genesisAllocFile.strip();
    alloc = alloc == null ? Map.of() : Map.copyOf(alloc);
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
    pairs = pairs == null ? List.of() : List.copyOf(pairs);
    if (baseFeeFloor != null && baseFeeFloor.signum() < 0) {
      throw new IllegalArgumentException(
          "paraseq.chain.base-fee-floor must be >= 0, got " + baseFeeFloor);
    }
    if (baseFeeFloor != null
        && initialBaseFee != null
        && initialBaseFee.compareTo(baseFeeFloor) < 0) {
      throw new IllegalArgumentException(
          "paraseq.chain.initial-base-fee "
              + initialBaseFee
              + " is below paraseq.chain.base-fee-floor "
              + baseFeeFloor);
    }
    if (feeRecipient != null) {
      try {
        Address.fromHex(feeRecipient);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "paraseq.chain.fee-recipient is not an address: " + feeRecipient, e);
      }
    }
  }

  /** The defaults with the given chain id (tests). */
  public static ChainProperties withId(long id) {
    return new ChainProperties(
        id,
        30_000_000,
        BigInteger.TEN.pow(7),
        BigInteger.TEN.pow(9),
        "0x4200000000000000000000000000000000000011",
        true,
        "",
        Map.of(),
        null,
        List.of(),
        List.of());
  }

  /** These settings with the given allocation file and inline accounts (tests). */
  public ChainProperties withAlloc(String file, Map<String, GenesisAccount> accounts) {
    return new ChainProperties(
        id,
        gasLimit,
        baseFeeFloor,
        initialBaseFee,
        feeRecipient,
        devAccounts,
        file,
        accounts,
        devPrograms,
        tokens,
        pairs);
  }

  /** These settings with the development accounts on or off (tests). */
  public ChainProperties withDevAccounts(boolean on) {
    return new ChainProperties(
        id,
        gasLimit,
        baseFeeFloor,
        initialBaseFee,
        feeRecipient,
        on,
        genesisAllocFile,
        alloc,
        devPrograms,
        tokens,
        pairs);
  }

  /**
   * These settings with the devnet programs on or off ({@code null}: as the development accounts)
   * and the given tokens and pairs (tests).
   */
  public ChainProperties withPrograms(
      Boolean devPrograms, List<GenesisToken> tokens, List<GenesisPair> pairs) {
    return new ChainProperties(
        id,
        gasLimit,
        baseFeeFloor,
        initialBaseFee,
        feeRecipient,
        devAccounts,
        genesisAllocFile,
        alloc,
        devPrograms,
        tokens,
        pairs);
  }

  /**
   * Whether the genesis creates the devnet's programs: {@code devPrograms}, else {@code
   * devAccounts}.
   */
  public boolean devProgramsEnabled() {
    return devPrograms == null ? devAccounts : devPrograms;
  }

  /** The fee recipient as an address. */
  public Address feeRecipientAddress() {
    return Address.fromHex(feeRecipient);
  }

  /**
   * One inline genesis account as configured: text, checked when the genesis is built (by the same
   * rules as an entry of the allocation file).
   *
   * @param balance wei, decimal or {@code 0x}-hex; required
   * @param nonce decimal or {@code 0x}-hex; absent = 0
   * @param storage slot → value, each {@code 0x} and 64 hex digits; absent = none
   * @param code not supported (no EVM yet): anything but empty stops the node
   */
  public record GenesisAccount(
      String balance, String nonce, Map<String, String> storage, String code) {

    /** Copies the storage map (absent = empty). */
    public GenesisAccount {
      storage = storage == null ? Map.of() : Map.copyOf(storage);
    }

    /** An account holding {@code balance} wei, nonce 0, no storage. */
    public static GenesisAccount ofBalance(String balance) {
      return new GenesisAccount(balance, null, Map.of(), null);
    }
  }

  /**
   * One configured ERC-20 token as text, checked when the genesis is built (addresses as for {@link
   * GenesisAccount}, amounts decimal or {@code 0x}-hex in the token's smallest unit).
   *
   * @param address the token's fixed address; required
   * @param name the token's name; required
   * @param symbol the token's symbol; required
   * @param decimals the decimals, 0..255; absent = 18
   * @param balances holder address → initial balance; absent = none
   */
  public record GenesisToken(
      String address, String name, String symbol, Integer decimals, Map<String, String> balances) {

    /** Copies the balances (absent = empty). */
    public GenesisToken {
      balances = balances == null ? Map.of() : Map.copyOf(balances);
    }
  }

  /**
   * One configured constant-product pair as text, checked when the genesis is built. The reserves
   * are minted to the pair on each token; the shares of that first deposit go to {@code
   * liquidityProvider}.
   *
   * @param address the pair's fixed address; required
   * @param token0 the first token's address (a configured token); required
   * @param token1 the second token's address (a configured token); required
   * @param reserve0 the initial reserve of token0, decimal or {@code 0x}-hex; absent = 0
   * @param reserve1 the initial reserve of token1; absent = 0 (both zero: an empty pair)
   * @param liquidityProvider who holds the initial shares; required when the reserves are not zero
   */
  public record GenesisPair(
      String address,
      String token0,
      String token1,
      String reserve0,
      String reserve1,
      String liquidityProvider) {}
}
