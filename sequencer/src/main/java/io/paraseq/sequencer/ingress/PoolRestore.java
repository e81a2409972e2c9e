package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.pool.AddOutcome;
import io.paraseq.sequencer.pool.PooledTransaction;
import io.paraseq.sequencer.pool.TxPool;
import io.paraseq.sequencer.store.StoredPoolTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds the pool at start from the pool table's rows, verified again: each is re-admitted
 * ({@link TxPool#readmit}) in arrival order against the current account state, with its original
 * receive time. Rows that no longer pass (bad encoding, a stale nonce, too little balance) are
 * returned for deletion; the pool's capacity limits do not apply to them (each was acknowledged),
 * so smaller limits after a restart drop nothing. Runs on the pool writer thread (it is given the
 * pool there).
 */
final class PoolRestore {

  /**
   * A row and the result of verifying its encoding again.
   *
   * @param row the stored row
   * @param verified the verification of {@code row.raw()}
   */
  record Loaded(StoredPoolTransaction row, TransactionResult<VerifiedTransaction> verified) {}

  /**
   * What the restore did.
   *
   * @param restored transactions in the pool afterwards
   * @param dropped hashes of rows that must be deleted
   */
  record Outcome(int restored, List<Hash> dropped) {}

  private PoolRestore() {}

  static Outcome restore(TxPool pool, AccountStateSource accounts, List<Loaded> rows) {
    Set<Hash> dropped = new LinkedHashSet<>();
    for (Loaded loaded : rows) {
      Hash stored = loaded.row().hash();
      if (!(loaded.verified() instanceof TransactionResult.Valid<VerifiedTransaction> valid)
          || !valid.value().hash().equals(stored)) {
        dropped.add(stored);
        continue;
      }
      VerifiedTransaction tx = valid.value();
      AddOutcome outcome =
          pool.readmit(tx, accounts.account(tx.sender()), loaded.row().receivedAt());
      switch (outcome) {
        case AddOutcome.Rejected r -> dropped.add(stored);
        case AddOutcome.Accepted a ->
            a.replaced().map(PooledTransaction::hash).ifPresent(dropped::add);
      }
    }
    return new Outcome(pool.pendingCount() + pool.queuedCount(), new ArrayList<>(dropped));
  }
}
