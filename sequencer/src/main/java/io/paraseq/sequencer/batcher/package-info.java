/**
 * The batcher in the node: its settings ({@link io.paraseq.sequencer.batcher.BatcherProperties}),
 * the node's implementation of the batcher's {@code SealedBlocks} port over the chain tables
 * ({@link io.paraseq.sequencer.batcher.ChainSealedBlocks}), and the wiring that starts it on its
 * own thread when {@code paraseq.batcher.enabled} is true.
 */
package io.paraseq.sequencer.batcher;
