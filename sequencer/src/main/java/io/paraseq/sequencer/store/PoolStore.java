package io.paraseq.sequencer.store;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.pool.PooledTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The durable mempool: the {@code pool_transactions} table (V1 migration; since V8 a row keeps only
 * the hash, sender, raw encoding, arrival order and receive time — the rest is in the encoding, and
 * the one-per-(sender, nonce) rule is the in-memory pool's). Every write is one database
 * transaction — one commit (one WAL flush) per ingress batch, never one per transaction — whose new
 * rows go in with one binary {@code COPY} ({@link BinaryCopy}).
 *
 * <p>Thread-safe (holds no state besides the data source); in the node only the pool writer thread
 * writes.
 */
public final class PoolStore {

  // arrival_seq is drawn row by row (its DEFAULT nextval) in the order the rows are sent: the
  // pool's arrival order.
  private static final List<String> COLUMNS = List.of("hash", "sender", "raw", "received_at");
  // hash, sender, a transfer's ~110-byte encoding and the time, with field lengths.
  private static final int ROW_BYTES = 220;
  // A commit whose acknowledgement was lost (the batch then undone in memory) may have left rows
  // that a resubmission inserts again. Only then: ON CONFLICT checks the key before each row's
  // insert, a second index descent and WAL record per row that the plain COPY does not pay.
  private static final String INSERT_SKIPPING_STORED =
      "INSERT INTO pool_transactions (hash, sender, raw, received_at)"
          + " SELECT h, s, r, a FROM unnest(?::bytea[], ?::bytea[], ?::bytea[], ?::timestamptz[])"
          + " WITH ORDINALITY AS x(h, s, r, a, o)"
          + " ORDER BY o"
          + " ON CONFLICT (hash) DO NOTHING";
  private static final String DELETE = "DELETE FROM pool_transactions WHERE hash = ANY(?)";
  private static final String LOAD =
      "SELECT hash, raw, arrival_seq, received_at FROM pool_transactions ORDER BY arrival_seq";

  private final DataSource dataSource;

  /** A store on the node's data source (its connections use the node's schema). */
  public PoolStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Deletes then inserts, in one database transaction; rows are inserted in the list's order, so
   * {@code arrival_seq} follows the pool's arrival order. A row whose hash is already stored (left
   * by a commit whose acknowledgement was lost) is kept as it is: the write is then rolled back and
   * made again with {@code ON CONFLICT DO NOTHING}.
   *
   * @throws PoolStoreException if the transaction did not commit (nothing was written then)
   */
  public void apply(PoolWrite write) {
    if (write.isEmpty()) {
      return;
    }
    String what =
        "write of "
            + write.deletes().size()
            + " deletes and "
            + write.inserts().size()
            + " inserts";
    try {
      JdbcTransaction.run(
          dataSource,
          connection -> {
            deleteBatch(connection, write.deletes());
            copy(connection, write.inserts());
          });
    } catch (SQLException e) {
      if (!JdbcTransaction.isUniqueViolation(e)) {
        throw new PoolStoreException("pool table " + what + " failed", e);
      }
      // Rolled back: write it again, keeping the rows already stored.
      inTransaction(
          connection -> {
            deleteBatch(connection, write.deletes());
            insertSkippingStored(connection, write.inserts());
          },
          what);
    }
  }

  /** Deletes rows by hash in one transaction (e.g. transactions included in a sealed block). */
  public void deleteAll(Collection<Hash> hashes) {
    if (hashes.isEmpty()) {
      return;
    }
    inTransaction(
        connection -> deleteBatch(connection, List.copyOf(hashes)),
        "delete of " + hashes.size() + " rows");
  }

  /** Every row, in arrival order. */
  public List<StoredPoolTransaction> loadAll() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement load = connection.prepareStatement(LOAD)) {
      load.setFetchSize(1000);
      List<StoredPoolTransaction> rows = new ArrayList<>();
      try (ResultSet rs = load.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new StoredPoolTransaction(
                  Hash.of(Bytes.of(rs.getBytes(1))),
                  Bytes.of(rs.getBytes(2)),
                  rs.getLong(3),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new PoolStoreException("could not load the pool table", e);
    }
  }

  /** Number of rows (for tests and the restore summary). */
  public long count() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM pool_transactions");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new PoolStoreException("could not count the pool table", e);
    }
  }

  /**
   * Deletes pool rows by hash in one JDBC batch, inside the caller's transaction: the one place
   * that removes pool rows (ingress replacements and evictions, expiry, and {@link ChainStore} when
   * a block includes them).
   */
  static void deleteBatch(Connection connection, List<Hash> hashes) throws SQLException {
    SqlArrays.deleteWhereAny(
        connection, DELETE, hashes.stream().map(hash -> hash.bytes().toArray()).toList());
  }

  /** Inserts {@code txs} with one {@code COPY}, in the list's order. */
  private static void copy(Connection connection, List<PooledTransaction> txs) throws SQLException {
    BinaryCopy rows = new BinaryCopy("pool_transactions", COLUMNS, txs.size() * ROW_BYTES);
    for (PooledTransaction tx : txs) {
      rows.row()
          .bytea(tx.hash().bytes().toArray())
          .bytea(tx.sender().bytes().toArray())
          .bytea(tx.verified().encoded().toArray())
          .timestamptz(tx.receivedAt());
    }
    rows.execute(connection);
  }

  /** Inserts those of {@code txs} not stored yet in one statement, in the list's order. */
  private static void insertSkippingStored(Connection connection, List<PooledTransaction> txs)
      throws SQLException {
    int n = txs.size();
    if (n == 0) {
      return;
    }
    byte[][] hashes = new byte[n][];
    byte[][] senders = new byte[n][];
    byte[][] raws = new byte[n][];
    Timestamp[] received = new Timestamp[n];
    for (int i = 0; i < n; i++) {
      PooledTransaction tx = txs.get(i);
      hashes[i] = tx.hash().bytes().toArray();
      senders[i] = tx.sender().bytes().toArray();
      raws[i] = tx.verified().encoded().toArray();
      received[i] = Timestamp.from(tx.receivedAt());
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_SKIPPING_STORED)) {
      SqlArrays.bytea(connection, insert, 1, hashes);
      SqlArrays.bytea(connection, insert, 2, senders);
      SqlArrays.bytea(connection, insert, 3, raws);
      SqlArrays.timestamptz(connection, insert, 4, received);
      insert.executeUpdate();
    }
  }

  private void inTransaction(JdbcTransaction.Work work, String what) {
    try {
      JdbcTransaction.run(dataSource, work);
    } catch (SQLException e) {
      throw new PoolStoreException("pool table " + what + " failed", e);
    }
  }
}
