package io.paraseq.bench.load;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.crypto.PrivateKey;
import java.util.List;
import java.util.stream.IntStream;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;

/**
 * The keys of the ten development accounts that both the Paraseq devnet genesis and anvil fund,
 * derived from the standard mnemonic ({@code test … junk}, path {@code m/44'/60'/0'/0/i}) with
 * web3j's BIP-32, and checked against the addresses of {@link DevAccounts}, the one list of them.
 * The keys are public; they fund the generator's senders.
 */
final class DevKeys {

  private static final String MNEMONIC =
      "test test test test test test test test test test test junk";

  private DevKeys() {}

  /** The ten development accounts, index 0 first. */
  static List<Account> accounts() {
    Bip32ECKeyPair master =
        Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
    return IntStream.range(0, DevAccounts.ADDRESSES.size())
        .mapToObj(i -> derive(master, i))
        .toList();
  }

  private static Account derive(Bip32ECKeyPair master, int index) {
    int[] path = {
      44 | Bip32ECKeyPair.HARDENED_BIT,
      60 | Bip32ECKeyPair.HARDENED_BIT,
      Bip32ECKeyPair.HARDENED_BIT,
      0,
      index
    };
    Bip32ECKeyPair pair = Bip32ECKeyPair.deriveKeyPair(master, path);
    Account account =
        Account.of(PrivateKey.of(Numeric.toBytesPadded(pair.getPrivateKey(), 32)).orElseThrow());
    if (!account.address().equals(DevAccounts.ADDRESSES.get(index))) {
      throw new IllegalStateException(
          "dev key "
              + index
              + " derives "
              + account.address()
              + ", expected "
              + DevAccounts.ADDRESSES.get(index));
    }
    return account;
  }
}
