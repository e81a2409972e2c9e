package io.paraseq.sequencer.chain;

import io.paraseq.protocol.state.RebuildProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the rebuild of a large world state at start: one line when the rows are loaded, then about
 * every 10 % of each stage of {@code WorldState.fromFlat} ({@code state rebuild stage= done=
 * total=}). States with fewer accounts than the threshold log nothing here. Used on the start-up
 * thread only.
 */
final class RebuildProgressLog implements RebuildProgress {

  private static final Logger log = LoggerFactory.getLogger(RebuildProgressLog.class);

  private final long threshold;
  private int lastDecile = -1;
  private Stage lastStage;

  /**
   * @param threshold the smallest number of accounts whose rebuild is logged
   */
  RebuildProgressLog(long threshold) {
    this.threshold = threshold;
  }

  /** The flat rows were read from the database, {@code startedNanos} being the rebuild's start. */
  void loaded(long accounts, long accountsWithStorage, long startedNanos) {
    if (accounts >= threshold) {
      log.info(
          "state rebuild stage=LOAD accounts={} accounts_with_storage={} ms={}",
          accounts,
          accountsWithStorage,
          (System.nanoTime() - startedNanos) / 1_000_000);
    }
  }

  @Override
  public void progress(Stage stage, long done, long total) {
    if (total < threshold) {
      return;
    }
    if (stage != lastStage) {
      lastStage = stage;
      lastDecile = -1;
    }
    int decile = (int) (done * 10 / total);
    if (decile > lastDecile) {
      lastDecile = decile;
      log.info("state rebuild stage={} done={} total={}", stage, done, total);
    }
  }
}
