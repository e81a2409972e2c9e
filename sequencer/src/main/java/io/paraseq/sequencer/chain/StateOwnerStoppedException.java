package io.paraseq.sequencer.chain;

/**
 * The thread that owns the world state has ended (shutdown, or block production stopped for good),
 * so a state task cannot run. Carries no stack trace: it is an expected answer, not a bug.
 */
final class StateOwnerStoppedException extends IllegalStateException {

  StateOwnerStoppedException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
