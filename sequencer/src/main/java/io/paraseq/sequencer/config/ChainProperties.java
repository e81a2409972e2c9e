package io.paraseq.sequencer.config;

import io.paraseq.protocol.types.Address;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The L2 chain this node sequences. Everything but {@code id} and the genesis allocation ({@code
 * devAccounts}, {@code genesisAllocFile}, {@code alloc}) may change between starts (they shape the
 * next blocks); the chain id and the genesis are fixed when the database is first initialised
 * ({@code chain_info}), and a node whose configured allocation differs refuses to start. {@code
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
    @DefaultValue Map<String, GenesisAccount> alloc) {

  /** Checks what annotations cannot; the allocation is checked when the genesis is built. */
  public ChainProperties {
    genesisAllocFile = genesisAllocFile == null ? "" : genesisAllocFile.strip();
    alloc = alloc == null ? Map.of() : Map.copyOf(alloc);
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
        Map.of());
  }

  /** These settings with the given allocation file and inline accounts (tests). */
  public ChainProperties withAlloc(String file, Map<String, GenesisAccount> accounts) {
    return new ChainProperties(
        id, gasLimit, baseFeeFloor, initialBaseFee, feeRecipient, devAccounts, file, accounts);
  }

  /** These settings with the development accounts on or off (tests). */
  public ChainProperties withDevAccounts(boolean on) {
    return new ChainProperties(
        id, gasLimit, baseFeeFloor, initialBaseFee, feeRecipient, on, genesisAllocFile, alloc);
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
}
