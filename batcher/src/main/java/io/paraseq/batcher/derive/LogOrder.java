package io.paraseq.batcher.derive;

/**
 * The order rule of {@code BatchAppended} events against the cursor: the contract appends seqs 0,
 * 1, 2, … one by one, so each event read must carry the next seq. The one exception is the L1 block
 * the cursor resumes from: it is read again after a restart, and events below the next seq in it
 * were verified before. Stateless.
 */
final class LogOrder {

  /** What to do with one event. */
  enum Step {
    /** The next batch: verify it. */
    NEXT,
    /** Verified before a restart, in the block read again: skip it. */
    ALREADY_VERIFIED,
    /** A gap or a repeat: a mismatch. */
    OUT_OF_ORDER
  }

  private LogOrder() {}

  /** The step for {@code event} at {@code cursor}. */
  static Step of(BatchAppendedEvent event, VerifierCursor cursor) {
    if (event.seq() == cursor.nextSeq()) {
      return Step.NEXT;
    }
    if (event.seq() < cursor.nextSeq() && event.l1Block() == cursor.nextL1Block()) {
      return Step.ALREADY_VERIFIED;
    }
    return Step.OUT_OF_ORDER;
  }
}
