package io.paraseq.sequencer.store;

/** The pool table could not be read or written; a write that throws this committed nothing. */
public final class PoolStoreException extends RuntimeException {

  /** With the database's exception as the cause. */
  public PoolStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
