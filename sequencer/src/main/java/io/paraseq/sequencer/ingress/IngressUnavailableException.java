package io.paraseq.sequencer.ingress;

/**
 * Ingress could not decide about a transaction because of an infrastructure fault (the pool table
 * write failed, the node is shutting down). The transaction was <b>not</b> acknowledged and is not
 * in the pool; the client may resend it.
 */
public final class IngressUnavailableException extends RuntimeException {

  IngressUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  IngressUnavailableException(String message) {
    super(message);
  }
}
