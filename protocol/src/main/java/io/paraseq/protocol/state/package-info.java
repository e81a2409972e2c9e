/**
 * The world state: accounts and storage, the writes of a block ({@link
 * io.paraseq.protocol.state.StateDiff}), read-only views for the executors and the node's in-memory
 * {@link io.paraseq.protocol.state.WorldState} with its secure Merkle-Patricia tries, state root
 * and {@code eth_getProof} proofs.
 *
 * <p>Everything here is an immutable value except {@code WorldState}, which has one writer (the
 * block producer) and any number of readers through its snapshots.
 */
package io.paraseq.protocol.state;
