package io.paraseq.batcher.l1;

/**
 * The L1 node could not be asked: connection refused or reset, timeout, HTTP error, or a server
 * side JSON-RPC failure of a read. Retried with backoff and counted by the circuit breaker ({@link
 * ResilientL1Client}).
 */
public class L1UnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure of {@code method} with the given cause. */
  public L1UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure without an underlying exception. */
  public L1UnavailableException(String message) {
    super(message);
  }
}
