package io.paraseq.sequencer.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.ingress.IngressTransactions;
import io.paraseq.sequencer.pool.PooledTransaction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pool table's writes on a real PostgreSQL: rows keep the arrival order, and a batch that
 * inserts a row already stored (a commit whose acknowledgement was lost) is written again around it
 * instead of failing.
 */
class PoolStoreIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  private static final TransactionValidator VALIDATOR =
      new TransactionValidator(ValidationPolicy.userIngress(IngressTransactions.CHAIN));
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final PoolStore store = new PoolStore(db.dataSource());

  @BeforeEach
  void emptyTable() throws Exception {
    try (var c = db.connect()) {
      c.createStatement().execute("DELETE FROM pool_transactions");
    }
  }

  @Test
  void insertsInArrivalOrderAndDeletesByHash() {
    List<PooledTransaction> txs = List.of(tx(1, 0), tx(2, 0), tx(1, 1));
    store.apply(new PoolWrite(List.of(), txs));

    assertThat(store.loadAll())
        .extracting(StoredPoolTransaction::hash)
        .containsExactly(txs.get(0).hash(), txs.get(1).hash(), txs.get(2).hash());

    store.apply(new PoolWrite(List.of(txs.get(1).hash()), List.of()));
    assertThat(store.loadAll())
        .extracting(StoredPoolTransaction::hash)
        .containsExactly(txs.get(0).hash(), txs.get(2).hash());
  }

  @Test
  void aRowAlreadyStoredIsKeptAndTheRestOfTheBatchIsWritten() {
    PooledTransaction stored = tx(1, 0);
    PooledTransaction old = tx(3, 0);
    store.apply(new PoolWrite(List.of(), List.of(stored, old)));
    PooledTransaction next = tx(1, 1);

    store.apply(new PoolWrite(List.of(old.hash()), List.of(stored, next)));

    List<Hash> hashes = store.loadAll().stream().map(StoredPoolTransaction::hash).toList();
    assertThat(hashes).containsExactly(stored.hash(), next.hash());
    assertThat(store.loadAll().getFirst().raw()).isEqualTo(stored.verified().encoded());
  }

  private static PooledTransaction tx(int sender, long nonce) {
    return PooledTransaction.of(
        VALIDATOR.verify(IngressTransactions.transfer(sender, nonce, 1_000_000_000L)).orElseThrow(),
        0,
        NOW);
  }
}
