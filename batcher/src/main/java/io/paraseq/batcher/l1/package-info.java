/**
 * The L1 transaction manager: durable intents, nonces, EIP-1559 fees with a cap, fee bumps,
 * receipts, confirmations and reorgs, all restart-safe from PostgreSQL rows (batcher/README.md).
 *
 * <p>web3j appears only in the adapters {@link io.paraseq.batcher.l1.Web3jL1Client} and {@link
 * io.paraseq.batcher.l1.Web3jTxSigner}; Resilience4j only in {@link
 * io.paraseq.batcher.l1.ResilientL1Client}.
 */
package io.paraseq.batcher.l1;
