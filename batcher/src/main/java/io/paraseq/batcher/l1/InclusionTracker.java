package io.paraseq.batcher.l1;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches receipts: finds the included attempt of a sent intent, confirms an inclusion at the
 * confirmation depth, and notices when the inclusion block left the canonical chain (its hash at
 * that height changed, or the height is gone). Runs on the manager's loop thread.
 */
final class InclusionTracker {

  private static final Logger log = LoggerFactory.getLogger(InclusionTracker.class);

  private final L1Client l1;
  private final L1TxStore store;
  private final L1TxConfig config;
  private final Clock clock;
  private final L1TxMetrics metrics;

  InclusionTracker(
      L1Client l1, L1TxStore store, L1TxConfig config, Clock clock, L1TxMetrics metrics) {
    this.l1 = l1;
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * The receipt, in a canonical block, of one of {@code tx}'s attempts (newest first; refused
   * attempts were in no pool and are skipped).
   */
  Optional<L1Receipt> findReceipt(L1Tx tx) {
    List<L1TxAttempt> attempts = tx.attempts();
    for (int i = attempts.size() - 1; i >= 0; i--) {
      L1TxAttempt attempt = attempts.get(i);
      if (attempt.rejected()) {
        continue;
      }
      Optional<L1Receipt> receipt = l1.receipt(attempt.txHash());
      if (receipt.isPresent() && canonical(receipt.get())) {
        return receipt;
      }
    }
    return Optional.empty();
  }

  /** Records that {@code tx} is included as {@code receipt}; confirms it if already deep enough. */
  void included(L1Tx tx, L1Receipt receipt, L1Block head) {
    L1Inclusion inclusion = L1Inclusion.of(receipt);
    store.markIncluded(tx.id(), inclusion, clock.instant());
    log.info(
        "l1tx included intent={} hash={} block={} success={} gasUsed={}",
        tx.intentId(),
        inclusion.txHash(),
        inclusion.blockNumber(),
        inclusion.success(),
        inclusion.gasUsed());
    if (deepEnough(inclusion, head)) {
      confirm(tx, inclusion, head);
    }
  }

  /** For an included {@code tx}: confirms it at the depth, or marks it reorged. */
  void check(L1Tx tx, L1Block head) {
    L1Inclusion inclusion = tx.inclusion().orElseThrow();
    Optional<L1Block> block = l1.blockByNumber(inclusion.blockNumber());
    if (block.isEmpty() || !block.get().hash().equals(inclusion.blockHash())) {
      String detail =
          block.map(b -> "block " + b.number() + " is now " + b.hash()).orElse("block gone");
      store.markReorged(tx.id(), inclusion, detail, clock.instant());
      metrics.reorged();
      log.warn(
          "l1tx reorged intent={} hash={} block={} was={} {}",
          tx.intentId(),
          inclusion.txHash(),
          inclusion.blockNumber(),
          inclusion.blockHash(),
          detail);
      findReceipt(tx).ifPresent(receipt -> included(tx, receipt, head));
      return;
    }
    if (deepEnough(inclusion, head)) {
      confirm(tx, inclusion, head);
    }
  }

  private void confirm(L1Tx tx, L1Inclusion inclusion, L1Block head) {
    store.markConfirmed(tx.id(), inclusion, clock.instant());
    metrics.confirmed(inclusion);
    log.info(
        "l1tx confirmed intent={} hash={} block={} head={} depth={}",
        tx.intentId(),
        inclusion.txHash(),
        inclusion.blockNumber(),
        head.number(),
        config.confirmationDepth());
  }

  private boolean canonical(L1Receipt receipt) {
    return l1.blockByNumber(receipt.blockNumber())
        .map(b -> b.hash().equals(receipt.blockHash()))
        .orElse(false);
  }

  private boolean deepEnough(L1Inclusion inclusion, L1Block head) {
    return head.number() - inclusion.blockNumber() + 1 >= config.confirmationDepth();
  }
}
