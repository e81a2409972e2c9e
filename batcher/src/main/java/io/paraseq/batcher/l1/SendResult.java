package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/** What {@code eth_sendRawTransaction} answered: the hash, or the node's refusal. */
public sealed interface SendResult {

  /**
   * The node accepted the transaction into its pool.
   *
   * @param txHash the hash the node reported
   */
  record Accepted(Hash txHash) implements SendResult {
    /** Checks the hash. */
    public Accepted {
      Objects.requireNonNull(txHash, "txHash");
    }
  }

  /**
   * The node refused it with a JSON-RPC error.
   *
   * @param reason the classified reason
   * @param message the node's text
   */
  record Rejected(SendRejection reason, String message) implements SendResult {
    /** Checks the fields. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
