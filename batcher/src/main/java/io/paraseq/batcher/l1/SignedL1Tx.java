package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * A signed L1 transaction: exactly the bytes sent with {@code eth_sendRawTransaction}.
 *
 * @param hash keccak256 of {@code raw}, the transaction hash
 * @param raw the typed envelope
 */
public record SignedL1Tx(Hash hash, Bytes raw) {

  /** Checks that {@code hash} is the hash of {@code raw}. */
  public SignedL1Tx {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(raw, "raw");
    if (!Hash.keccak(raw).equals(hash)) {
      throw new IllegalArgumentException("hash " + hash + " is not keccak256 of the raw bytes");
    }
  }

  /** The signed transaction of {@code raw}. */
  public static SignedL1Tx of(Bytes raw) {
    return new SignedL1Tx(Hash.keccak(raw), raw);
  }
}
