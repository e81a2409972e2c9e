/**
 * Recursive Length Prefix encoding, canonical forms only (DESIGN.md §3, "Strict decoding").
 *
 * <ul>
 *   <li>{@link io.paraseq.protocol.rlp.RlpWriter} encodes as a stream, for hot paths; {@link
 *       io.paraseq.protocol.rlp.Rlp#encode} encodes a whole {@link
 *       io.paraseq.protocol.rlp.RlpItem}.
 *   <li>{@link io.paraseq.protocol.rlp.RlpReader} is a zero-copy cursor that reads fields in place;
 *       {@link io.paraseq.protocol.rlp.Rlp#decode} builds the item tree.
 *   <li>Every non-canonical or malformed input fails with {@link
 *       io.paraseq.protocol.rlp.RlpException}, whose {@link io.paraseq.protocol.rlp.RlpError} names
 *       the broken rule; no other exception escapes the decoder.
 * </ul>
 *
 * <p>The ethereum/tests RLPTests vectors run with {@code ./mvnw -pl protocol test
 * -Dtest=RlpVectorTest -Dparaseq.vectors.dir=/absolute/folder}.
 */
package io.paraseq.protocol.rlp;
