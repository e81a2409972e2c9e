package io.paraseq.protocol.exec.stm;

/**
 * Thrown by {@link IncarnationView} out of a running transaction when a read meets an ESTIMATE: the
 * incarnation cannot go on and is suspended on {@code blockingTxIndex}. Control flow inside the
 * executor, never seen by callers; it carries no stack trace.
 */
final class ReadBlockedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int blockingTxIndex;

  ReadBlockedException(int blockingTxIndex) {
    super("read blocked by an ESTIMATE of transaction " + blockingTxIndex, null, false, false);
    this.blockingTxIndex = blockingTxIndex;
  }

  /** The lower transaction whose next incarnation the reader waits for. */
  int blockingTxIndex() {
    return blockingTxIndex;
  }
}
