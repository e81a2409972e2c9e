/**
 * Fee rules that are not the EIP-1559 gas price: the L1 data fee a user transaction pays for the
 * bytes its batch occupies on L1 ({@link io.paraseq.protocol.fee.L1DataFee}, DESIGN.md §3).
 */
package io.paraseq.protocol.fee;
