package io.paraseq.batcher.derive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The verifier's Micrometer meters ({@code paraseq.verifier.*}): batches, blocks and transactions
 * verified, the last verified L2 block, the L1 lag, whether a mismatch stopped it, and the first L2
 * block it showed to differ.
 */
final class VerifierMetrics {

  private final Counter batches;
  private final Counter blocks;
  private final Counter transactions;
  private final AtomicLong verifiedBlock = new AtomicLong();
  private final AtomicLong l1Lag = new AtomicLong();
  private final AtomicLong mismatch = new AtomicLong();
  private final AtomicLong firstDifferingBlock = new AtomicLong();

  VerifierMetrics(MeterRegistry registry) {
    batches =
        Counter.builder("paraseq.verifier.batches")
            .description("Batches re-executed whose state root matched")
            .register(registry);
    blocks =
        Counter.builder("paraseq.verifier.blocks")
            .description("L2 blocks derived from L1 and verified")
            .register(registry);
    transactions =
        Counter.builder("paraseq.verifier.transactions")
            .description("L2 transactions derived from L1 and verified")
            .register(registry);
    Gauge.builder("paraseq.verifier.verified.block", verifiedBlock, AtomicLong::get)
        .description("The last L2 block of the last verified batch")
        .register(registry);
    Gauge.builder("paraseq.verifier.l1.lag.blocks", l1Lag, AtomicLong::get)
        .description("Confirmed L1 blocks whose logs are not read yet")
        .register(registry);
    Gauge.builder("paraseq.verifier.mismatch", mismatch, AtomicLong::get)
        .description("1 once a batch did not verify (following stopped)")
        .register(registry);
    Gauge.builder("paraseq.verifier.first.differing.block", firstDifferingBlock, AtomicLong::get)
        .description(
            "The first L2 block shown to differ after a mismatch (a root mismatch: the block a"
                + " reference node located, else the batch's last block); 0 while none")
        .register(registry);
  }

  void verified(DerivedBatch batch) {
    batches.increment();
    blocks.increment(batch.batch().blocks().size());
    transactions.increment(batch.batch().transactionCount());
    verifiedBlock.set(batch.header().lastBlock());
  }

  void position(long lastBlock) {
    verifiedBlock.set(lastBlock);
  }

  void l1Lag(long blocks) {
    l1Lag.set(Math.max(0, blocks));
  }

  void mismatch(OptionalLong block) {
    firstDifferingBlock.set(block.orElse(0));
    mismatch.set(1);
  }
}
