/**
 * Transactions: the model, the strict codec, signing and sender recovery, and the Cancun validity
 * rules (DESIGN.md §3).
 *
 * <ul>
 *   <li>{@link io.paraseq.protocol.tx.Transaction} is either a {@link
 *       io.paraseq.protocol.tx.SignedTransaction} (legacy, EIP-2930 or EIP-1559 payload plus
 *       signature) or a sequencer-made {@link io.paraseq.protocol.tx.DepositTransaction} (type
 *       {@code 0x7e}).
 *   <li>{@link io.paraseq.protocol.tx.TransactionDecoder} reads the raw network form strictly and
 *       {@link io.paraseq.protocol.tx.TransactionEncoder} writes it back byte for byte.
 *   <li>{@link io.paraseq.protocol.tx.TransactionSigner} signs and recovers senders; {@link
 *       io.paraseq.protocol.tx.TransactionValidator} applies chain, intrinsic-gas and init-code
 *       rules, whose constants live in {@link io.paraseq.protocol.tx.IntrinsicGas}.
 *   <li>Every expected failure is a {@link io.paraseq.protocol.tx.TransactionResult.Invalid} with
 *       an {@link io.paraseq.protocol.tx.InvalidTransaction} reason; no unchecked exception escapes
 *       decoding for any input.
 * </ul>
 *
 * <p>Nonces and gas limits are {@code long}s read as <em>unsigned</em> 64-bit values (the protocol
 * allows up to 2^64-1): compare them with {@link java.lang.Long#compareUnsigned} and print them
 * with {@link java.lang.Long#toUnsignedString}. Amounts are {@link io.paraseq.protocol.tx.Wei}.
 *
 * <p>The ethereum/tests TransactionTests vectors run with {@code ./mvnw -pl protocol test
 * -Dtest=TransactionVectorTest -Dparaseq.vectors.dir=/absolute/folder}.
 */
package io.paraseq.protocol.tx;
