package io.paraseq.bench.load;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The measured figures of one run against one target.
 *
 * @param target the target's name ({@code paraseq}, {@code anvil})
 * @param chainId the chain id the target reported
 * @param schedule how the load was offered
 * @param senders the number of sender accounts
 * @param transactions the size of the workload
 * @param submit the submission counts
 * @param included workload transactions seen in blocks
 * @param lost acknowledged transactions never seen in a block (dropped by the target, or still
 *     waiting when the run gave up)
 * @param submitSeconds first send to last acknowledgement
 * @param endToEndSeconds first send to the last inclusion seen
 * @param ackLatency first send (or due time, when paced) to acknowledgement
 * @param inclusionLatency first send (or due time, when paced) to its block first seen
 * @param blocks the blocks seen
 * @param generatorCpuSeconds CPU time the generator's own process used during the phase
 * @param batcher what the node's batcher did for the run ({@code --batcher}), else empty
 */
record RunResult(
    String target,
    long chainId,
    String schedule,
    int senders,
    int transactions,
    SubmitStats submit,
    long included,
    long lost,
    double submitSeconds,
    double endToEndSeconds,
    Percentiles.Summary ackLatency,
    Percentiles.Summary inclusionLatency,
    BlockStats blocks,
    double generatorCpuSeconds,
    Optional<BatcherReport> batcher) {

  private static final double NANOS_PER_SECOND = 1e9;

  RunResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(submit, "submit");
    Objects.requireNonNull(ackLatency, "ackLatency");
    Objects.requireNonNull(inclusionLatency, "inclusionLatency");
    Objects.requireNonNull(blocks, "blocks");
    Objects.requireNonNull(batcher, "batcher");
  }

  /**
   * Computes the figures from the recorded times.
   *
   * @param times what happened to each transaction
   * @param generatorCpuSeconds CPU time the generator used meanwhile
   */
  static RunResult of(
      String target,
      long chainId,
      String schedule,
      int senders,
      TxTimes times,
      SubmitStats submit,
      BlockStats blocks,
      double generatorCpuSeconds) {
    long firstSent = Long.MAX_VALUE;
    long lastAck = Long.MIN_VALUE;
    long lastIncluded = Long.MIN_VALUE;
    long[] ack = new long[times.size()];
    long[] inclusion = new long[times.size()];
    int acked = 0;
    int included = 0;
    int lost = 0;
    int measured = 0;
    for (int i = 0; i < times.size(); i++) {
      if (times.firstSent(i) != TxTimes.UNSET) {
        firstSent = Math.min(firstSent, times.firstSent(i));
      }
      if (times.acked(i) != TxTimes.UNSET) {
        lastAck = Math.max(lastAck, times.acked(i));
        ack[acked++] = times.acked(i) - times.origin(i);
        if (times.included(i) == TxTimes.UNSET) {
          lost++;
        }
      }
      if (times.included(i) != TxTimes.UNSET) {
        included++;
        lastIncluded = Math.max(lastIncluded, times.included(i));
        if (times.origin(i) != TxTimes.UNSET) {
          inclusion[measured++] = Math.max(0, times.included(i) - times.origin(i));
        }
      }
    }
    return new RunResult(
        target,
        chainId,
        schedule,
        senders,
        times.size(),
        submit,
        included,
        lost,
        seconds(firstSent, lastAck),
        seconds(firstSent, lastIncluded),
        Percentiles.summarise(Arrays.copyOf(ack, acked)),
        Percentiles.summarise(Arrays.copyOf(inclusion, measured)),
        blocks,
        generatorCpuSeconds,
        Optional.empty());
  }

  /** This result with the batcher's report. */
  RunResult withBatcher(BatcherReport report) {
    return new RunResult(
        target,
        chainId,
        schedule,
        senders,
        transactions,
        submit,
        included,
        lost,
        submitSeconds,
        endToEndSeconds,
        ackLatency,
        inclusionLatency,
        blocks,
        generatorCpuSeconds,
        Optional.of(report));
  }

  /** Accepted transactions per second of submission. */
  double submitTps() {
    return rate(submit.accepted(), submitSeconds);
  }

  /** Included transactions per second, first send to last inclusion. */
  double endToEndTps() {
    return rate(included, endToEndSeconds);
  }

  /** Workload transactions per block that held any. */
  double transactionsPerBlock() {
    return blocks.blocksWithWorkload() == 0 ? 0 : (double) included / blocks.blocksWithWorkload();
  }

  private static double seconds(long from, long to) {
    return from == Long.MAX_VALUE || to == Long.MIN_VALUE || to <= from
        ? 0
        : (to - from) / NANOS_PER_SECOND;
  }

  private static double rate(long count, double seconds) {
    return seconds <= 0 ? 0 : count / seconds;
  }
}
