package io.paraseq.protocol.chain;

import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The ten accounts of the standard development mnemonic ({@code test test test test test test test
 * test test test test junk}, derivation path {@code m/44'/60'/0'/0/i}), as anvil and Hardhat print
 * them, each funded with 10,000 ETH: the devnet's genesis. The addresses are public facts; their
 * keys belong to tools and tests, never to the protocol.
 */
public final class DevAccounts {

  /** The ten addresses, index 0 first. */
  public static final List<Address> ADDRESSES =
      Stream.of(
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
          .map(Address::fromHex)
          .toList();

  /** The balance of each: 10,000 ETH. */
  public static final Wei BALANCE = Wei.of(BigInteger.TEN.pow(22));

  private DevAccounts() {}

  /** The genesis allocation funding the ten accounts. */
  public static GenesisAlloc alloc() {
    return with(Map.of());
  }

  /**
   * The ten accounts plus {@code others}; an address in both gets the allocation of {@code others}.
   */
  public static GenesisAlloc with(Map<Address, Allocation> others) {
    Map<Address, Allocation> accounts = new TreeMap<>();
    ADDRESSES.forEach(address -> accounts.put(address, Allocation.of(BALANCE)));
    accounts.putAll(others);
    return GenesisAlloc.of(accounts);
  }
}
