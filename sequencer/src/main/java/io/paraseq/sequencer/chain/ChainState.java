package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.state.WorldState;
import java.util.Objects;

/**
 * What start-up hands to the rest of the node: the chain's parameters, the world state at the head
 * (owned by the block producer from then on) and the head's header.
 *
 * @param config the chain's parameters
 * @param worldState the state after {@code head}
 * @param head the latest persisted block's header
 */
record ChainState(ChainConfig config, WorldState worldState, BlockHeader head) {

  ChainState {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(worldState, "worldState");
    Objects.requireNonNull(head, "head");
  }
}
