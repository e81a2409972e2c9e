package io.paraseq.batcher.post;

import io.paraseq.batcher.l1.L1Inclusion;
import io.paraseq.batcher.l1.L1TransactionManager;
import io.paraseq.batcher.l1.L1Tx;
import io.paraseq.batcher.l1.L1TxAttempt;
import io.paraseq.protocol.types.Hash;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the L1 transaction manager's status of each open batch's intent into the batch row
 * (status, including transaction and block, history), counts the transitions, and reports a batch
 * whose {@code appendBatch} reverted. An inclusion that moved to another block between two looks
 * (the manager saw the reorg and the new receipt in one poll) is recorded as reorged, then included
 * again. Runs on the batcher's thread.
 */
final class StatusFollower {

  private static final Logger log = LoggerFactory.getLogger(StatusFollower.class);

  private final BatchStore store;
  private final L1TransactionManager manager;
  private final BatchSubmitter submitter;
  private final BatcherMetrics metrics;
  private final Clock clock;

  StatusFollower(
      BatchStore store,
      L1TransactionManager manager,
      BatchSubmitter submitter,
      BatcherMetrics metrics,
      Clock clock) {
    this.store = store;
    this.manager = manager;
    this.submitter = submitter;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Follows every open batch; returns the first reverted batch, if any (posting must stop).
   *
   * @param open the batches that are not confirmed, by seq
   */
  Optional<StoredBatch> follow(List<StoredBatch> open) {
    Optional<StoredBatch> reverted = Optional.empty();
    for (StoredBatch batch : open) {
      BatchStatus now = follow(batch);
      if (now == BatchStatus.REVERTED && reverted.isEmpty()) {
        reverted = store.find(batch.seq());
      }
    }
    return reverted;
  }

  private BatchStatus follow(StoredBatch batch) {
    if (batch.status() == BatchStatus.REVERTED) {
      return BatchStatus.REVERTED;
    }
    Optional<L1Tx> found = manager.find(batch.intentId());
    if (found.isEmpty()) {
      submitter.submit(batch);
      return batch.status();
    }
    L1Tx tx = found.get();
    Optional<L1Inclusion> inclusion = tx.inclusion();
    BatchStatus target =
        switch (tx.status()) {
          case QUEUED -> BatchStatus.BUILT;
          case SENT -> BatchStatus.SENT;
          case REORGED -> BatchStatus.REORGED;
          case INCLUDED -> success(inclusion) ? BatchStatus.INCLUDED : BatchStatus.REVERTED;
          case CONFIRMED -> success(inclusion) ? BatchStatus.CONFIRMED : BatchStatus.REVERTED;
        };
    Optional<L1Placement> placement =
        inclusion.map(i -> new L1Placement(i.txHash(), i.blockNumber(), i.blockHash()));
    Optional<L1Placement> before = batch.placement();
    if (before.isPresent()
        && placement.isPresent()
        && !before.get().blockHash().equals(placement.get().blockHash())) {
      enter(
          batch,
          BatchStatus.REORGED,
          Optional.empty(),
          Optional.of(before.get().txHash()),
          "L1 block " + before.get().block() + " " + before.get().blockHash() + " left the chain");
    }
    if (target == BatchStatus.CONFIRMED
        && (batch.status() != BatchStatus.INCLUDED || !placement.equals(before))) {
      // Included and already deep enough when first seen: the history still shows the inclusion.
      enter(batch, BatchStatus.INCLUDED, placement, Optional.empty(), null);
    }
    if (target != batch.status() || !placement.equals(before)) {
      Optional<Hash> sentHash = tx.latestLiveAttempt().map(L1TxAttempt::txHash);
      String detail =
          switch (target) {
            case BUILT -> "queued for L1";
            case SENT ->
                "nonce " + tx.nonce().orElse(-1) + ", " + tx.attempts().size() + " attempt(s)";
            case REORGED -> "inclusion block left the chain; the same bytes are sent again";
            case INCLUDED, CONFIRMED -> null;
            case REVERTED -> "appendBatch reverted";
          };
      enter(batch, target, placement, sentHash, detail);
    }
    return target;
  }

  private void enter(
      StoredBatch batch,
      BatchStatus status,
      Optional<L1Placement> placement,
      Optional<Hash> txHash,
      String detail) {
    store.transition(batch.seq(), status, placement, txHash, detail, clock.instant());
    metrics.entered(status);
    if (status == BatchStatus.CONFIRMED) {
      metrics.confirmed(batch);
    }
    log.info(
        "batch seq={} status={} blocks={}..{} l1Tx={} l1Block={}",
        batch.seq(),
        status.name().toLowerCase(java.util.Locale.ROOT),
        batch.header().firstBlock(),
        batch.header().lastBlock(),
        placement.map(p -> p.txHash().toString()).or(() -> txHash.map(Hash::toString)).orElse("-"),
        placement.map(p -> Long.toString(p.block())).orElse("-"));
  }

  private static boolean success(Optional<L1Inclusion> inclusion) {
    return Objects.requireNonNull(inclusion).map(L1Inclusion::success).orElse(true);
  }
}
