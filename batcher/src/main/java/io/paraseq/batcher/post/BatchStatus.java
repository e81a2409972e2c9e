package io.paraseq.batcher.post;

import java.util.Locale;

/** Where a batch stands on L1; stored as the lower-case name. */
public enum BatchStatus {
  /** Stored with its data; its L1 intent is queued with the transaction manager. */
  BUILT,
  /** Signed and handed to L1. */
  SENT,
  /** In a canonical L1 block, not yet at the confirmation depth. */
  INCLUDED,
  /** At the confirmation depth: the batch is on L1. */
  CONFIRMED,
  /** Its inclusion block left the canonical chain; the same bytes are sent again. */
  REORGED,
  /** The appendBatch call reverted: posting stops until an operator acts. */
  REVERTED;

  /** The database text. */
  String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static BatchStatus ofDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
