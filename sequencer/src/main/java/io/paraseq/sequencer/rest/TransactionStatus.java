package io.paraseq.sequencer.rest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a transaction is on its way to finality, as {@code GET /v1/transactions/{hash}} reports it.
 * Today a transaction goes {@link #PENDING} → {@link #INCLUDED}; {@link #BATCHED} and {@link
 * #FINAL} are reported once the batcher records batches and their L1 finality.
 */
enum TransactionStatus {
  /** In the pool, waiting for a block. */
  PENDING,
  /** In a sealed and persisted L2 block. */
  INCLUDED,
  /** Its block is in a batch posted to L1. */
  BATCHED,
  /** Its batch is final on L1 (the challenge period has passed). */
  FINAL;

  /** The lower-case wire name ({@code pending}). */
  @JsonValue
  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
