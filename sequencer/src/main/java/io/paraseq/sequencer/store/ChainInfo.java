package io.paraseq.sequencer.store;

import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * The facts fixed when the database was initialised (the {@code chain_info} row).
 *
 * @param chainId the chain id
 * @param genesisHash the hash of block 0
 */
public record ChainInfo(long chainId, Hash genesisHash) {

  /** Requires the hash. */
  public ChainInfo {
    Objects.requireNonNull(genesisHash, "genesisHash");
  }
}
