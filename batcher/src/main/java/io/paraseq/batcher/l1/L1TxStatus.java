package io.paraseq.batcher.l1;

import java.util.Locale;

/** Where an L1 transaction intent stands; stored as the lower-case name. */
public enum L1TxStatus {
  /** Durable, not signed yet (no nonce). */
  QUEUED,
  /** Signed with a nonce and handed to L1; watched for a receipt, bumped after the timeout. */
  SENT,
  /** A receipt exists in a canonical block, not yet deep enough. */
  INCLUDED,
  /** The inclusion block is at the confirmation depth: final for the manager. */
  CONFIRMED,
  /** The inclusion block left the canonical chain; watched and re-sent until included again. */
  REORGED;

  /** The database text. */
  String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static L1TxStatus ofDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
