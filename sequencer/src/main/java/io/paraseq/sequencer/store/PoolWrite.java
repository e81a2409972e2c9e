package io.paraseq.sequencer.store;

import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.pool.PooledTransaction;
import java.util.List;

/**
 * The net change of one ingress batch to the pool table, written in one database transaction: first
 * the rows that left the pool (replaced, evicted), then the new ones in arrival order.
 *
 * @param deletes hashes of rows committed earlier that leave the table
 * @param inserts transactions that enter it, in arrival order
 */
public record PoolWrite(List<Hash> deletes, List<PooledTransaction> inserts) {

  /** Copies both lists. */
  public PoolWrite {
    deletes = List.copyOf(deletes);
    inserts = List.copyOf(inserts);
  }

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return deletes.isEmpty() && inserts.isEmpty();
  }
}
