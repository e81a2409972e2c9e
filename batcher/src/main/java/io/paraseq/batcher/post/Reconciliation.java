package io.paraseq.batcher.post;

import io.paraseq.batcher.l1.RollupView.RollupState;

/** The outcome of reconciling the stored batches with the contract at start. */
sealed interface Reconciliation {

  /**
   * The rows agree with L1; posting may start.
   *
   * @param l1 the contract's state that was read
   * @param resubmitted batches whose intent was missing and was submitted again
   */
  record Ready(RollupState l1, int resubmitted) implements Reconciliation {}

  /**
   * The rows and L1 disagree: posting must not start.
   *
   * @param reason what disagrees, for the log
   */
  record Mismatch(String reason) implements Reconciliation {}
}
