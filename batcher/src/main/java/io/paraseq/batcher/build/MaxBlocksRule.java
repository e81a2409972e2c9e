package io.paraseq.batcher.build;

import java.util.Optional;

/** Closes when {@code maxBlocks} blocks are pending. */
public final class MaxBlocksRule implements CloseRule {

  private final int maxBlocks;

  /** Closes at {@code maxBlocks} pending blocks. */
  public MaxBlocksRule(int maxBlocks) {
    if (maxBlocks < 1) {
      throw new IllegalArgumentException("maxBlocks must be positive: " + maxBlocks);
    }
    this.maxBlocks = maxBlocks;
  }

  @Override
  public Optional<String> closes(PendingBlocks pending) {
    int count = pending.blocks().size();
    return count >= maxBlocks ? Optional.of("blocks (" + count + ")") : Optional.empty();
  }
}
