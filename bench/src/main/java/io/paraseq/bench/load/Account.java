package io.paraseq.bench.load;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.crypto.Secp256k1;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.Objects;

/**
 * A key the generator signs with and its address.
 *
 * @param key the private key (its {@code toString} never shows it)
 * @param address the address derived from it
 */
public record Account(PrivateKey key, Address address) {

  /** Requires both components. */
  public Account {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(address, "address");
  }

  /** The account of {@code key}, its address derived with secp256k1 and keccak-256. */
  public static Account of(PrivateKey key) {
    byte[] publicKey = Secp256k1.get().publicKey(key);
    return new Account(key, Address.of(Bytes.of(Secp256k1.address(publicKey))));
  }
}
