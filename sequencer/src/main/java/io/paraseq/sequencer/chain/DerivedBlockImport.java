package io.paraseq.sequencer.chain;

import io.paraseq.batcher.derive.DerivedChain;
import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.block.BlockHeader;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The verifier's chain ({@link DerivedChain}): the published head, and blocks imported through the
 * block producer's thread ({@link BlockProducer#importBlock}), which owns the world state. Called
 * from the verifier's loop thread; each import waits for the block's commit.
 */
public final class DerivedBlockImport implements DerivedChain {

  /** How long one block's import may take, its execution and its commit included. */
  static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(2);

  private final BlockProducer producer;
  private final ChainHead head;

  DerivedBlockImport(BlockProducer producer, ChainHead head) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.head = Objects.requireNonNull(head, "head");
  }

  @Override
  public Tip head() {
    BlockHeader header = head.current();
    return new Tip(header.number(), header.hash(), header.stateRoot());
  }

  /**
   * Imports {@code block}.
   *
   * @throws IllegalStateException if the state owner has stopped, the block was not persisted, or
   *     no answer came within {@link #IMPORT_TIMEOUT}
   */
  @Override
  public Import importBlock(BatchBlock block) {
    try {
      return producer.importBlock(block).get(IMPORT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "block " + block.number() + " not imported: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "block " + block.number() + " not imported within " + IMPORT_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing block " + block.number(), e);
    }
  }
}
