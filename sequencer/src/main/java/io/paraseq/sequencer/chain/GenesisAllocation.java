package io.paraseq.sequencer.chain;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.ChainProperties.GenesisAccount;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the genesis allocation from the settings: the ten development accounts (when {@code
 * paraseq.chain.dev-accounts}), the accounts of {@code paraseq.chain.genesis-alloc-file}, the
 * inline {@code paraseq.chain.alloc} accounts, and the native programs ({@link GenesisPrograms}).
 * An address may appear in only one of them, and the balances together must fit 256 bits; each
 * entry obeys {@link AllocEntry}'s rules. Reached only through {@link GenesisStateRoot}, the one
 * place the node and the devnet get the genesis from.
 */
final class GenesisAllocation {

  private static final String DEV_ACCOUNTS = "paraseq.chain.dev-accounts";
  private static final String INLINE = "paraseq.chain.alloc";

  private final TreeMap<Address, Allocation> accounts = new TreeMap<>();
  private final Map<Address, String> origins = new HashMap<>();

  private GenesisAllocation() {}

  /**
   * The allocation the settings describe.
   *
   * @throws GenesisAllocException if an entry is invalid, an address is allocated twice, the file
   *     cannot be read or the total balance exceeds 2^256-1
   */
  static GenesisAlloc of(ChainProperties properties) {
    GenesisAllocation merged = new GenesisAllocation();
    if (properties.devAccounts()) {
      DevAccounts.alloc().accounts().forEach((a, alloc) -> merged.put(a, alloc, DEV_ACCOUNTS));
    }
    if (!properties.genesisAllocFile().isEmpty()) {
      GenesisAllocFile.read(Path.of(properties.genesisAllocFile())).forEach(merged::add);
    }
    new TreeMap<>(properties.alloc())
        .forEach((address, account) -> merged.add(inline(address, account)));
    merged.checkTotal();
    return GenesisPrograms.addTo(GenesisAlloc.of(merged.accounts), properties);
  }

  /** The allocation settings in one line, for messages. */
  static String describe(ChainProperties properties) {
    return DEV_ACCOUNTS
        + "="
        + properties.devAccounts()
        + ", paraseq.chain.genesis-alloc-file="
        + (properties.genesisAllocFile().isEmpty() ? "(none)" : properties.genesisAllocFile())
        + ", "
        + INLINE
        + ": "
        + properties.alloc().size()
        + " accounts, "
        + GenesisPrograms.describe(properties);
  }

  private static AllocEntry inline(String address, GenesisAccount account) {
    return new AllocEntry(
        INLINE,
        address,
        Optional.ofNullable(account.balance()),
        Optional.ofNullable(account.nonce()),
        account.storage(),
        Optional.ofNullable(account.code()));
  }

  private void add(AllocEntry entry) {
    put(entry.parsedAddress(), entry.allocation(), entry.origin());
  }

  private void put(Address address, Allocation allocation, String origin) {
    String earlier = origins.putIfAbsent(address, origin);
    if (earlier != null) {
      String hint =
          List.of(earlier, origin).contains(DEV_ACCOUNTS)
              ? " (it is a development account; set " + DEV_ACCOUNTS + "=false to allocate it here)"
              : "";
      throw new GenesisAllocException(
          "genesis account "
              + address
              + " is allocated twice: in "
              + earlier
              + " and in "
              + origin
              + hint);
    }
    accounts.put(address, allocation);
  }

  private void checkTotal() {
    BigInteger total =
        accounts.values().stream()
            .map(a -> a.balance().value())
            .reduce(BigInteger.ZERO, BigInteger::add);
    if (total.compareTo(Wei.MAX.value()) > 0) {
      throw new GenesisAllocException(
          "the genesis balances add up to "
              + total
              + " wei, above 2^256-1: some transfer could overflow a balance");
    }
  }
}
