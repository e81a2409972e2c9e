package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.exec.BlockContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the state methods read, as the chain and the pool provide it: a seam, so that the method
 * table can be built in unit tests without a database.
 *
 * @param heads the head's state by block argument
 * @param nextBlock the context of the block after a head ({@code NextBlockContext.after}), for
 *     calls
 * @param pendingNonces the pool's next nonce of a sender
 * @param prover the proofs, built by the world state's owner
 */
record StateSources(
    HeadStates heads,
    Function<BlockHeader, BlockContext> nextBlock,
    PendingNonces pendingNonces,
    Prover prover) {

  StateSources {
    Objects.requireNonNull(heads, "heads");
    Objects.requireNonNull(nextBlock, "nextBlock");
    Objects.requireNonNull(pendingNonces, "pendingNonces");
    Objects.requireNonNull(prover, "prover");
  }
}
