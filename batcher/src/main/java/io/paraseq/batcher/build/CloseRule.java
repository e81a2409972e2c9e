package io.paraseq.batcher.build;

import java.util.Optional;

/**
 * One reason to close the pending blocks into a batch now. The builder closes a batch when any rule
 * fires and otherwise waits for more blocks; one class per rule ({@link MaxBytesRule}, {@link
 * MaxBlocksRule}, {@link MaxAgeRule}).
 */
public interface CloseRule {

  /** Why {@code pending} must be closed now (a short log text), or empty to wait. */
  Optional<String> closes(PendingBlocks pending);
}
