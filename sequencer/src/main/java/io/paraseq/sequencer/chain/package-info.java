/**
 * The chain: start-up from the database (genesis or rebuild of the world state), the block producer
 * (the single writer of the world state, which also runs the state tasks such as proofs) and its
 * persister thread (commits each block, then publishes it), the published head, the next block's
 * context, and the world state as the pool's account source. For readers: what each block name
 * means ({@link io.paraseq.sequencer.chain.BlockNumbers}) and fee suggestions and history ({@link
 * io.paraseq.sequencer.chain.FeeOracle}).
 */
package io.paraseq.sequencer.chain;
