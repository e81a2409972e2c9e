package io.paraseq.sequencer.store;

/** The chain tables could not be read or written; the cause says why. */
public final class ChainStoreException extends RuntimeException {

  /** A failure with its cause. */
  public ChainStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure without an underlying exception (inconsistent rows). */
  public ChainStoreException(String message) {
    super(message);
  }
}
