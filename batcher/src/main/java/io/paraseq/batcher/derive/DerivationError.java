package io.paraseq.batcher.derive;

/**
 * Why the verifier stopped: each rule of the derivation has its own reason, so an operator (and a
 * test) tells them apart without parsing messages. Every one of them is a mismatch between what L1
 * holds and what this verifier derives or accepts: following stops.
 */
public enum DerivationError {
  /** A log of the Rollup with the {@code BatchAppended} topic that does not decode. */
  MALFORMED_EVENT("malformed BatchAppended event"),
  /** A batch whose seq is not the next expected one (a gap or a repeat). */
  SEQ_OUT_OF_ORDER("batch seq out of order"),
  /**
   * The L1 transaction is not a direct {@code appendBatch} call to the Rollup (e.g. through another
   * contract); this verifier reads direct calls only.
   */
  UNSUPPORTED_TRANSACTION("not a direct appendBatch call to the Rollup"),
  /** The call's arguments are not the event's. */
  HEADER_MISMATCH("appendBatch arguments differ from the event"),
  /** keccak256 of the posted data is not the event's data hash. */
  DATA_HASH_MISMATCH("data hash mismatch"),
  /** The header's hash is not the event's batch hash. */
  BATCH_HASH_MISMATCH("batch hash mismatch"),
  /** The data is not a valid batch (docs/batch-format.md). */
  UNDECODABLE_DATA("undecodable batch data"),
  /** The data's blocks are not the header's block range or deposit cursor. */
  BLOCK_RANGE_MISMATCH("blocks of the data differ from the header's range"),
  /** A sender a v1 or v2 batch claims is not the transaction's signer. */
  SENDER_MISMATCH("claimed sender is not the signer"),
  /** The deposit cursor moves; deposits are not implemented yet. */
  DEPOSITS_UNSUPPORTED("deposits are not supported yet"),
  /** The batch's previous state root is not the root after the previous verified batch. */
  PREV_ROOT_MISMATCH("previous state root mismatch"),
  /** The batch does not start right after the previous verified batch. */
  FIRST_BLOCK_MISMATCH("first block mismatch"),
  /** A block of the batch is invalid on the verifier's state (a transaction it cannot include). */
  INVALID_BLOCK("invalid block"),
  /** The state root after the batch's last block is not the posted one. */
  STATE_ROOT_MISMATCH("state root mismatch");

  private final String description;

  DerivationError(String description) {
    this.description = description;
  }

  /** A short human-readable statement of the broken rule. */
  public String description() {
    return description;
  }
}
