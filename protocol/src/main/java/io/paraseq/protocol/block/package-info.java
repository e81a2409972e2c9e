/**
 * Blocks, headers, receipts, logs and fees: the node's block format (DESIGN.md §3).
 *
 * <ul>
 *   <li>{@link io.paraseq.protocol.block.BlockHeader}: the twenty fields of an Ethereum Cancun
 *       header in consensus order; block hash = keccak256(RLP(header)), so standard clients decode
 *       Paraseq headers and agree on their hashes.
 *   <li>{@link io.paraseq.protocol.block.Block}: a header and its transactions.
 *   <li>{@link io.paraseq.protocol.block.Receipt}, {@link io.paraseq.protocol.block.Log} and {@link
 *       io.paraseq.protocol.block.LogsBloom}: consensus receipts and the 2048-bit bloom.
 *   <li>{@link io.paraseq.protocol.block.OrderedRoots}: transactions and receipts roots.
 *   <li>{@link io.paraseq.protocol.block.BaseFeeRules}: the EIP-1559 base fee with a floor.
 * </ul>
 *
 * <p>Every decoder is strict and returns a {@link io.paraseq.protocol.block.DecodeResult}; a
 * rejection carries a {@link io.paraseq.protocol.block.BlockDecodeError} reason, a detail naming
 * the field, and the {@code RlpError} when the RLP reader found the fault. No exception escapes a
 * decoder for any input. No state execution happens here.
 */
package io.paraseq.protocol.block;
