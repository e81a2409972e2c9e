package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An L1 transaction intent as stored: its payload, status, nonce, inclusion and every attempt.
 *
 * @param id the row id
 * @param intentId the caller's idempotency key
 * @param sender the signing account
 * @param to the called contract
 * @param calldata the call
 * @param gasLimit the gas limit
 * @param status where it stands
 * @param nonce the nonce, once assigned
 * @param inclusion where it was included, while included or confirmed
 * @param attempts every signed attempt, in signing order
 */
public record L1Tx(
    long id,
    String intentId,
    Address sender,
    Address to,
    Bytes calldata,
    long gasLimit,
    L1TxStatus status,
    OptionalLong nonce,
    Optional<L1Inclusion> inclusion,
    List<L1TxAttempt> attempts) {

  /** Checks the fields and copies the attempt list. */
  public L1Tx {
    Objects.requireNonNull(intentId, "intentId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(calldata, "calldata");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(inclusion, "inclusion");
    attempts = List.copyOf(attempts);
  }

  /** The newest attempt, if any was signed. */
  public Optional<L1TxAttempt> latestAttempt() {
    return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
  }

  /** The newest attempt the node did not refuse: the one a node may hold. */
  public Optional<L1TxAttempt> latestLiveAttempt() {
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (!attempts.get(i).rejected()) {
        return Optional.of(attempts.get(i));
      }
    }
    return Optional.empty();
  }
}
