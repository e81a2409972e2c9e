/**
 * The chain: its consensus parameters ({@link io.paraseq.protocol.chain.ChainConfig}), its start
 * ({@link io.paraseq.protocol.chain.Genesis}, with the devnet's {@link
 * io.paraseq.protocol.chain.DevAccounts}) and the sealing of executed blocks ({@link
 * io.paraseq.protocol.chain.BlockAssembler}). Depends on {@code exec}, {@code block} and {@code
 * state}; the block producer drives it.
 */
package io.paraseq.protocol.chain;
