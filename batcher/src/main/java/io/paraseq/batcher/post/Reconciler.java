package io.paraseq.batcher.post;

import io.paraseq.batcher.build.SealedBlocks;
import io.paraseq.batcher.l1.L1TransactionManager;
import io.paraseq.batcher.l1.RollupView;
import io.paraseq.batcher.l1.RollupView.RollupState;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * Start-up reconciliation of the stored batches with the {@code Rollup} contract, before anything
 * is posted (DESIGN §4: L1 is the source of truth for what was posted):
 *
 * <ul>
 *   <li>no rows: the contract must have no batch, and its genesis root must be the node's block 0
 *       state root;
 *   <li>the contract may not hold more batches than the rows (another poster, another database);
 *   <li>every row below {@code nextSeq} that is not confirmed yet, and the row {@code nextSeq - 1},
 *       must have the batch hash the contract stores (same roots, blocks, data);
 *   <li>no row at or above {@code nextSeq} may be confirmed (L1 lost it: a reorg deeper than the
 *       confirmation depth, or another L1);
 *   <li>the row {@code nextSeq} must build on the contract's last root and next block;
 *   <li>rows at or above {@code nextSeq} whose L1 intent is missing (a crash between storing the
 *       batch and submitting it) are submitted again, same id, same bytes. The other intents are
 *       the transaction manager's: it resumes them.
 * </ul>
 *
 * Runs on the batcher's thread.
 */
final class Reconciler {

  private final BatchStore store;
  private final RollupView rollup;
  private final SealedBlocks blocks;
  private final BatchSubmitter submitter;
  private final L1TransactionManager manager;

  Reconciler(
      BatchStore store,
      RollupView rollup,
      SealedBlocks blocks,
      BatchSubmitter submitter,
      L1TransactionManager manager) {
    this.store = store;
    this.rollup = rollup;
    this.blocks = blocks;
    this.submitter = submitter;
    this.manager = manager;
  }

  /** Reads the contract and checks the rows against it. */
  Reconciliation run() {
    RollupState l1 = rollup.state();
    Optional<StoredBatch> latest = store.latest();
    if (latest.isEmpty()) {
      if (l1.nextSeq() != 0) {
        return new Reconciliation.Mismatch(
            "the Rollup holds "
                + l1.nextSeq()
                + " batches but this node stored none: another sequencer or database posted to"
                + " it");
      }
      Optional<Hash> genesis = blocks.info(0).map(SealedBlocks.BlockInfo::stateRoot);
      if (genesis.isEmpty() || !genesis.get().equals(l1.lastStateRoot())) {
        return new Reconciliation.Mismatch(
            "the Rollup's genesis root "
                + l1.lastStateRoot()
                + " is not the node's block 0 state root "
                + genesis.map(Hash::toString).orElse("(no block 0)"));
      }
      return new Reconciliation.Ready(l1, 0);
    }
    long lastSeq = latest.get().seq();
    if (lastSeq < l1.nextSeq() - 1) {
      return new Reconciliation.Mismatch(
          "the Rollup holds batches up to seq "
              + (l1.nextSeq() - 1)
              + " but this node stored only up to "
              + lastSeq);
    }
    if (l1.nextSeq() > 0) {
      Optional<String> tip = checkOnL1(store.find(l1.nextSeq() - 1).orElseThrow());
      if (tip.isPresent()) {
        return new Reconciliation.Mismatch(tip.get());
      }
    }
    Optional<StoredBatch> next = store.find(l1.nextSeq());
    if (next.isPresent() && next.get().status() == BatchStatus.CONFIRMED) {
      return new Reconciliation.Mismatch(
          "batch "
              + l1.nextSeq()
              + " is stored as confirmed but the Rollup's nextSeq is "
              + l1.nextSeq()
              + ": L1 lost it (a reorg deeper than the confirmation depth, or another L1)");
    }
    if (next.isPresent()) {
      var header = next.get().header();
      if (!header.prevStateRoot().equals(l1.lastStateRoot())
          || header.firstBlock() != l1.nextBlock()) {
        return new Reconciliation.Mismatch(
            "batch "
                + header.seq()
                + " builds on root "
                + header.prevStateRoot()
                + " from block "
                + header.firstBlock()
                + " but the Rollup's last root is "
                + l1.lastStateRoot()
                + " and its next block "
                + l1.nextBlock());
      }
    }
    int resubmitted = 0;
    List<StoredBatch> open = store.open();
    for (StoredBatch batch : open) {
      if (batch.seq() < l1.nextSeq()) {
        Optional<String> mismatch = checkOnL1(batch);
        if (mismatch.isPresent()) {
          return new Reconciliation.Mismatch(mismatch.get());
        }
        if (manager.find(batch.intentId()).isEmpty()) {
          return new Reconciliation.Mismatch(
              "batch "
                  + batch.seq()
                  + " is on L1 but no L1 transaction of this node posted it (its intent is"
                  + " missing)");
        }
      } else if (manager.find(batch.intentId()).isEmpty()) {
        submitter.submit(batch);
        resubmitted++;
      }
    }
    return new Reconciliation.Ready(l1, resubmitted);
  }

  private Optional<String> checkOnL1(StoredBatch batch) {
    Hash onL1 = rollup.batchHash(batch.seq());
    Hash ours = batch.header().batchHash();
    if (onL1.equals(ours)) {
      return Optional.empty();
    }
    return Optional.of(
        "batch "
            + batch.seq()
            + " on L1 has batch hash "
            + onL1
            + " but the stored batch hashes to "
            + ours
            + " (different roots, blocks or data)");
  }
}
