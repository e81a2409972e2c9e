package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verifier reads of an L1 transaction ({@code eth_getTransactionByHash}): its recipient and
 * its input.
 *
 * @param hash the transaction hash
 * @param from the sender
 * @param to the recipient, empty for a contract creation
 * @param input the calldata
 */
public record L1TransactionData(Hash hash, Address from, Optional<Address> to, Bytes input) {

  /** Requires every component. */
  public L1TransactionData {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(input, "input");
  }
}
