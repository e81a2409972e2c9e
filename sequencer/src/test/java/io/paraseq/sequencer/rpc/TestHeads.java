package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.ChainHead;

/** Published heads for unit tests of the state methods, without a producer or a database. */
final class TestHeads {

  private TestHeads() {}

  /** Block {@code number} (an otherwise empty header) with {@code state}'s current view. */
  static ChainHead.Head head(long number, WorldState state) {
    BlockHeader header =
        BlockHeader.paraseq(
            Hash.ZERO,
            Address.ZERO,
            state.stateRoot(),
            MerkleTrie.EMPTY_ROOT,
            MerkleTrie.EMPTY_ROOT,
            LogsBloom.EMPTY,
            number,
            30_000_000,
            0,
            1_700_000_000L + number,
            Bytes.EMPTY,
            Hash.ZERO,
            Wei.of(1_000_000_000L));
    return new ChainHead.Head(header, state.view());
  }
}
