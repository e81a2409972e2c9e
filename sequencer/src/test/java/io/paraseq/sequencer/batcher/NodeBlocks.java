package io.paraseq.sequencer.batcher;

import io.paraseq.batcher.build.SealedBlocks;
import io.paraseq.sequencer.chain.ChainHead;
import javax.sql.DataSource;

/** The node's sealed blocks as the batcher reads them, for tests that build batches themselves. */
public final class NodeBlocks {

  private NodeBlocks() {}

  /** The sealed blocks of the node whose schema {@code dataSource} uses. */
  public static SealedBlocks of(DataSource dataSource, ChainHead head) {
    return new ChainSealedBlocks(dataSource, head);
  }
}
