/**
 * The derivation (verifier) pipeline: L1 {@code BatchAppended} events and their {@code appendBatch}
 * calldata back to L2 blocks ({@link io.paraseq.batcher.derive.BatchDeriver}), replayed on the
 * verifier's own chain and checked against the posted roots ({@link
 * io.paraseq.batcher.derive.Verifier}). The chain is a port ({@link
 * io.paraseq.batcher.derive.DerivedChain}) the node implements; L1 comes through {@link
 * io.paraseq.batcher.l1.L1Client}.
 */
package io.paraseq.batcher.derive;
