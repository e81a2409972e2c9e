package io.paraseq.sequencer.store;

import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.pool.PooledTransaction;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 * The durable mempool: the {@code pool_transactions} table (V1 migration). Every write is one
 * database transaction with JDBC batching — one commit (one WAL flush) per ingress batch, never one
 * per transaction.
 *
 * <p>Thread-safe (holds no state besides the data source); in the node only the pool writer thread
 * writes.
 */
public final class PoolStore {

  private static final String INSERT =
      "INSERT INTO pool_transactions (hash, sender, nonce, tx_type, max_fee_per_gas,"
          + " max_priority_fee_per_gas, gas_limit, value, raw, received_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          // A commit whose acknowledgement was lost (then undone in memory) may have left the row.
          + " ON CONFLICT (hash) DO NOTHING";
  private static final String DELETE = "DELETE FROM pool_transactions WHERE hash = ?";
  private static final String LOAD =
      "SELECT hash, raw, arrival_seq, received_at FROM pool_transactions ORDER BY arrival_seq";

  private final DataSource dataSource;

  /** A store on the node's data source (its connections use the node's schema). */
  public PoolStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Deletes then inserts, in one database transaction; rows are inserted in the list's order, so
   * {@code arrival_seq} follows the pool's arrival order.
   *
   * @throws PoolStoreException if the transaction did not commit (nothing was written then)
   */
  public void apply(PoolWrite write) {
    if (write.isEmpty()) {
      return;
    }
    inTransaction(
        connection -> {
          deleteBatch(connection, write.deletes());
          if (!write.inserts().isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
              for (PooledTransaction tx : write.inserts()) {
                bindInsert(insert, tx);
                insert.addBatch();
              }
              insert.executeBatch();
            }
          }
        },
        "write of "
            + write.deletes().size()
            + " deletes and "
            + write.inserts().size()
            + " inserts");
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
    if (hashes.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
      for (Hash hash : hashes) {
        delete.setBytes(1, hash.bytes().toArray());
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }

  private static void bindInsert(PreparedStatement insert, PooledTransaction tx)
      throws SQLException {
    SignedTransaction signed = (SignedTransaction) tx.verified().transaction();
    insert.setBytes(1, tx.hash().bytes().toArray());
    insert.setBytes(2, tx.sender().bytes().toArray());
    insert.setBigDecimal(3, unsigned(tx.nonce()));
    insert.setShort(4, (short) signed.type().typeByte().orElse(0).intValue());
    insert.setBigDecimal(5, new BigDecimal(tx.feeCap()));
    insert.setBigDecimal(6, new BigDecimal(tx.tipCap()));
    // Ingress refuses gas limits above 2^63 - 1 before they reach the pool (uint63 column).
    insert.setLong(7, tx.gasLimit());
    insert.setBigDecimal(8, new BigDecimal(signed.value().value()));
    insert.setBytes(9, tx.verified().encoded().toArray());
    insert.setTimestamp(10, Timestamp.from(tx.receivedAt()));
  }

  private void inTransaction(JdbcTransaction.Work work, String what) {
    try {
      JdbcTransaction.run(dataSource, work);
    } catch (SQLException e) {
      throw new PoolStoreException("pool table " + what + " failed", e);
    }
  }

  private static BigDecimal unsigned(long value) {
    return new BigDecimal(new BigInteger(Long.toUnsignedString(value)));
  }
}
