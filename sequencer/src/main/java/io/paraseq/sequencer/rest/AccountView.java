package io.paraseq.sequencer.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An account as {@code GET /v1/accounts/{address}} shows it: the state after the head block.
 *
 * @param address the address, EIP-55 checksummed
 * @param balance the balance in wei, a decimal string
 * @param nonce the account's nonce after the head block (its transactions included so far)
 * @param pendingNonce the nonce its next transaction should carry: after its transactions pending
 *     in the pool, never below {@code nonce}
 * @param blockNumber the head block the values are read at
 * @param blockHash that block's hash
 */
@Schema(name = "Account", description = "An account in the state after the head block.")
record AccountView(
    @Schema(
            description = "The address, EIP-55 checksummed.",
            example = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        String address,
    @Schema(
            description = "Balance in wei, as a decimal string (it may exceed 2^53).",
            example = "10000000000000000000000")
        String balance,
    @Schema(
            description =
                "The account nonce after the head block: its transactions included so far.",
            example = "3")
        BigInteger nonce,
    @Schema(
            description =
                "The nonce the account's next transaction should carry: after its transactions"
                    + " pending in the pool (as eth_getTransactionCount at \"pending\").",
            example = "4")
        BigInteger pendingNonce,
    @Schema(description = "The head block the values are read at.", example = "42")
        long blockNumber,
    @Schema(
            description = "The hash of that block.",
            example = "0x9a7c6f1cb2a6e2a4a1bcbd0e0d1f8e47b2c1f7f0b5b4f3e2d1c0b9a8f7e6d5c4")
        String blockHash) {

  AccountView {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(pendingNonce, "pendingNonce");
    Objects.requireNonNull(blockHash, "blockHash");
  }
}
