package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * A transaction that passed decoding, validation and sender recovery, with what those found.
 *
 * @param transaction the transaction
 * @param encoded its raw form, as received
 * @param hash keccak256 of {@code encoded}
 * @param sender the recovered signer, or a deposit's {@code from}
 * @param intrinsicGas its intrinsic gas (0 for deposits, which pay on L1)
 */
public record VerifiedTransaction(
    Transaction transaction, Bytes encoded, Hash hash, Address sender, long intrinsicGas) {

  /** Requires every component. */
  public VerifiedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(sender, "sender");
  }
}
