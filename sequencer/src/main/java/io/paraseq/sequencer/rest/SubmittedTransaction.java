package io.paraseq.sequencer.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * The answer to {@code POST /v1/transactions}: the transaction is durably in the pool.
 *
 * @param hash the transaction hash
 * @param status always {@code pending}
 */
@Schema(name = "SubmittedTransaction", description = "A transaction stored in the pool.")
record SubmittedTransaction(
    @Schema(
            description = "Transaction hash (keccak-256 of the raw bytes).",
            example = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060")
        String hash,
    @Schema(description = "Always `pending` here.", example = "pending") TransactionStatus status) {

  SubmittedTransaction {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(status, "status");
  }
}
