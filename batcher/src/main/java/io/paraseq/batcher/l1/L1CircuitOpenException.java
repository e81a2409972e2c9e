package io.paraseq.batcher.l1;

/**
 * The circuit breaker around the L1 client is open (or half-open and busy): the call was not made.
 * Not retried; the transaction manager waits for its next poll.
 */
public final class L1CircuitOpenException extends L1UnavailableException {
  private static final long serialVersionUID = 1L;

  /** The call {@code method} was refused by the open circuit. */
  public L1CircuitOpenException(String method, Throwable cause) {
    super("L1 circuit open, not calling " + method, cause);
  }
}
