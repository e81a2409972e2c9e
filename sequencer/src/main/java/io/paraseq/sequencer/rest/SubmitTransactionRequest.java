package io.paraseq.sequencer.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented JSON form of {@code POST /v1/transactions}; {@link TransactionBody} reads it
 * (other members are ignored).
 *
 * @param raw the signed transaction's encoding, as for {@code eth_sendRawTransaction}
 */
@Schema(name = "SubmitTransactionRequest", description = "A signed transaction to submit.")
record SubmitTransactionRequest(
    @Schema(
            description =
                "The signed transaction's encoding (legacy with EIP-155, EIP-2930 or EIP-1559),"
                    + " 0x-prefixed hex, as for eth_sendRawTransaction.",
            example =
                "0x02f86f820c7b80843b9aca00847735940082520894000000000000000000000000000000000000beef"
                    + "0180c001a0…",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String raw) {}
