package io.paraseq.protocol.chain;

import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * The start of a chain: its parameters, the genesis timestamp and the initial accounts. Block 0 has
 * the zero parent hash, the zero fee recipient (no fees were earned), the state root of {@link
 * WorldState#genesis}, the empty transactions and receipts roots, an empty bloom, gas used 0, the
 * chain's gas limit, empty extra data, zero prevRandao and the configured initial base fee. Its
 * hash depends on nothing else. Immutable.
 *
 * @param config the chain's parameters
 * @param timestamp the genesis timestamp, seconds since the Unix epoch, unsigned 64-bit
 * @param alloc the initial accounts
 */
public record Genesis(ChainConfig config, long timestamp, GenesisAlloc alloc) {

  /** Requires every component. */
  public Genesis {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(alloc, "alloc");
  }

  /** A new world state holding the genesis accounts, owned by the caller. */
  public WorldState createState() {
    return WorldState.genesis(alloc);
  }

  /** The header of block 0; builds the genesis state to get its root. */
  public BlockHeader header() {
    return header(createState().stateRoot());
  }

  /** The header of block 0 over a genesis state whose root is already known. */
  public BlockHeader header(Hash stateRoot) {
    return BlockHeader.paraseq(
        Hash.ZERO,
        Address.ZERO,
        stateRoot,
        MerkleTrie.EMPTY_ROOT,
        MerkleTrie.EMPTY_ROOT,
        LogsBloom.EMPTY,
        0,
        config.gasLimit(),
        0,
        timestamp,
        Bytes.EMPTY,
        Hash.ZERO,
        config.initialBaseFee());
  }

  /** Block 0: {@link #header()} and no transactions. */
  public Block block() {
    return new Block(header(), List.of());
  }
}
