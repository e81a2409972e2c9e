package io.paraseq.sequencer.store;

import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as readers see it: included in a block (with its location) or still pending in the
 * pool (without one).
 *
 * @param transaction the decoded transaction
 * @param hash its hash
 * @param sender its sender (recovered at ingress, or a deposit's {@code from})
 * @param location its block and index; empty while it waits in the pool
 */
public record ChainTransaction(
    Transaction transaction, Hash hash, Address sender, Optional<TransactionLocation> location) {

  /** Requires every component. */
  public ChainTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(location, "location");
  }

  /** Whether it waits in the pool (not yet in a block). */
  public boolean isPending() {
    return location.isEmpty();
  }
}
