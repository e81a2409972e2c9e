package io.paraseq.batcher.derive;

import io.paraseq.protocol.types.Hash;
import java.util.Optional;

/**
 * Another node of the same chain (e.g. the sequencer's JSON-RPC), asked only after a batch's state
 * root did not verify, to find the first block whose state root differs ({@link MismatchLocator}).
 * Diagnostic only: the verifier never trusts it for verification, and what it says changes no
 * verdict, only where the log and the metrics point.
 */
public interface ReferenceChain {

  /**
   * The reference's state root after block {@code number}; empty if it has no such block.
   *
   * @throws UnavailableException if it cannot be asked or answers nonsense
   */
  Optional<Hash> stateRoot(long number);

  /** Where the reference is, for the log (no credentials). */
  String name();

  /** The reference could not be asked. */
  final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, and the cause. */
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }

    /** Why. */
    public UnavailableException(String message) {
      super(message);
    }
  }
}
