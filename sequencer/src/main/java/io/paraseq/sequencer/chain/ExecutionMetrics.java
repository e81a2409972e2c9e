package io.paraseq.sequencer.chain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.protocol.exec.stm.BlockStmListener;
import io.paraseq.protocol.exec.stm.BlockStmStats;

/**
 * The Block-STM executor's meters, one record per block: counters {@code paraseq.exec.parallel}
 * (blocks run by Block-STM) and {@code paraseq.exec.sequential} (blocks that ran sequentially:
 * below the count threshold, too little estimated work, or one hot sender), of those {@code
 * paraseq.exec.little-work} (the cost rule's); per parallel block, summaries {@code
 * paraseq.exec.reexecutions} (incarnations after a transaction's first), {@code
 * paraseq.exec.aborts} (validation aborts) and {@code paraseq.exec.suspensions} (waits on an
 * ESTIMATE); counter {@code paraseq.exec.abandoned}, parallel blocks the contention fallback
 * stopped and ran sequentially (their summaries count the abandoned start). Called on the producer
 * thread.
 */
final class ExecutionMetrics implements BlockStmListener {

  private final Counter parallel;
  private final Counter sequential;
  private final Counter abandoned;
  private final Counter littleWork;
  private final DistributionSummary reexecutions;
  private final DistributionSummary aborts;
  private final DistributionSummary suspensions;

  ExecutionMetrics(MeterRegistry registry) {
    this.parallel = Counter.builder("paraseq.exec.parallel").register(registry);
    this.sequential = Counter.builder("paraseq.exec.sequential").register(registry);
    this.abandoned = Counter.builder("paraseq.exec.abandoned").register(registry);
    this.littleWork = Counter.builder("paraseq.exec.little-work").register(registry);
    this.reexecutions = DistributionSummary.builder("paraseq.exec.reexecutions").register(registry);
    this.aborts = DistributionSummary.builder("paraseq.exec.aborts").register(registry);
    this.suspensions = DistributionSummary.builder("paraseq.exec.suspensions").register(registry);
  }

  @Override
  public void blockExecuted(BlockStmStats stats) {
    if (stats.sequential()) {
      sequential.increment();
      if (stats.route() == BlockStmStats.Route.LITTLE_WORK) {
        littleWork.increment();
      }
      return;
    }
    parallel.increment();
    if (stats.abandoned()) {
      abandoned.increment();
    }
    reexecutions.record(stats.reexecutions());
    aborts.record(stats.validationAborts());
    suspensions.record(stats.suspensions());
  }
}
