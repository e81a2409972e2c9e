package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One signed transaction of an intent: the first one or a fee bump.
 *
 * @param number 0 for the first, then 1, 2, … in signing order
 * @param txHash its hash
 * @param nonce its nonce
 * @param fees its fee caps
 * @param raw the exact bytes sent
 * @param signedAt when it was signed and stored
 * @param sentAt when the node accepted (or already knew) it; empty if it did not (yet)
 * @param rejection the node's refusal, if it refused
 */
public record L1TxAttempt(
    int number,
    Hash txHash,
    long nonce,
    Fees fees,
    Bytes raw,
    Instant signedAt,
    Optional<Instant> sentAt,
    Optional<String> rejection) {

  /** Checks the fields. */
  public L1TxAttempt {
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(signedAt, "signedAt");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(rejection, "rejection");
  }

  /** True when the node refused it: it is in no pool and will never be included. */
  public boolean rejected() {
    return rejection.isPresent();
  }
}
