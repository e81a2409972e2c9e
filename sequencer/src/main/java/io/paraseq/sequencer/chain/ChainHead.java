package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BlockHeader;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest sealed and persisted block, published by the block producer after each commit. Read
 * from any thread; only the producer thread sets it.
 */
public final class ChainHead {

  private final AtomicReference<BlockHeader> head;

  ChainHead(BlockHeader initial) {
    this.head = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  /** The head's header. */
  public BlockHeader current() {
    return head.get();
  }

  void publish(BlockHeader header) {
    head.set(header);
  }
}
