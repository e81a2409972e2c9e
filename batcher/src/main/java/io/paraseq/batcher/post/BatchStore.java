package io.paraseq.batcher.post;

import io.paraseq.batcher.build.BuiltBatch;
import io.paraseq.batcher.support.AddressRegistryRows;
import io.paraseq.batcher.support.SqlTransactions;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchDecodeResult;
import io.paraseq.protocol.batch.BatchDecoder;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The batches ({@code batches}, {@code batch_events}, migration V6) and the address registry they
 * built ({@code address_registry}, V10). Each method is one database transaction; a status change
 * and its history row commit together, and so do a batch and its registry appends. {@link
 * SQLException}s become {@link BatchStoreException}. Thread-safe (no state but the data source).
 */
public final class BatchStore {

  private static final String COLUMNS =
      "seq, first_block, last_block, prev_state_root, new_state_root, deposit_cursor, data_hash,"
          + " data, version, codec, tx_count, intent_id, status, l1_tx_hash, l1_block,"
          + " l1_block_hash, finalized_at";

  private final DataSource dataSource;

  /** Uses {@code dataSource}, whose schema has the V6 migration applied. */
  public BatchStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores {@code batch} as built, with its history row and its registry appends (at indexes from
   * {@code registrySize} on, the size of the registry it was encoded against).
   */
  void insert(BuiltBatch batch, int registrySize, Instant now) {
    BatchHeader h = batch.header();
    inTransaction(
        c -> {
          AddressRegistryRows.append(c, registrySize, batch.registryAppends());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO batches (seq, first_block, last_block, prev_state_root,"
                      + " new_state_root, deposit_cursor, data_hash, data, version, codec,"
                      + " tx_count, intent_id, status, built_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'built', ?, ?)")) {
            ps.setLong(1, h.seq());
            ps.setLong(2, h.firstBlock());
            ps.setLong(3, h.lastBlock());
            ps.setBytes(4, h.prevStateRoot().bytes().toArray());
            ps.setBytes(5, h.newStateRoot().bytes().toArray());
            ps.setLong(6, h.depositCursor());
            ps.setBytes(7, h.dataHash().bytes().toArray());
            ps.setBytes(8, batch.data().toArray());
            ps.setInt(9, h.version().id());
            ps.setInt(10, h.codec().id());
            ps.setInt(11, batch.transactionCount());
            ps.setString(12, StoredBatch.intentId(h.seq()));
            ps.setTimestamp(13, Timestamp.from(now));
            ps.setTimestamp(14, Timestamp.from(now));
            ps.executeUpdate();
          }
          event(c, h.seq(), "built", null, batch.reason(), now);
          return null;
        });
  }

  /** The address registry after the last stored batch. */
  public AddressRegistry loadRegistry() {
    return inTransaction(AddressRegistryRows::load);
  }

  /**
   * The address registry after the last stored batch; when its table is empty although batches are
   * stored (batches built before migration V10), rebuilt from their data in seq order and stored,
   * in one transaction.
   *
   * @param chainId the chain the batches are for (to decode them)
   * @throws BatchStoreException if a stored batch does not decode (a bug, or rows changed outside
   *     Paraseq)
   */
  AddressRegistry loadOrRebuildRegistry(ChainId chainId) {
    return inTransaction(
        c -> {
          AddressRegistry registry = AddressRegistryRows.load(c);
          if (registry.size() > 0) {
            return registry;
          }
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT seq, data FROM batches ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long seq = rs.getLong(1);
              DecodedBatch batch =
                  switch (BatchDecoder.decode(Bytes.of(rs.getBytes(2)), chainId, registry)) {
                    case BatchDecodeResult.Decoded<DecodedBatch>(DecodedBatch value) -> value;
                    case BatchDecodeResult.Rejected<DecodedBatch>(var failure) ->
                        throw new BatchStoreException(
                            "stored batch " + seq + " does not decode: " + failure.message(), null);
                  };
              registry.append(batch.registryAppends());
            }
          }
          AddressRegistryRows.append(c, 0, registry.entriesFrom(0));
          return registry;
        });
  }

  /** Batch {@code seq}. */
  public Optional<StoredBatch> find(long seq) {
    return inTransaction(
        c ->
            select(c, "SELECT " + COLUMNS + " FROM batches WHERE seq = ?", seq).stream()
                .findFirst());
  }

  /** The batch with the highest seq. */
  public Optional<StoredBatch> latest() {
    return inTransaction(
        c ->
            select(c, "SELECT " + COLUMNS + " FROM batches ORDER BY seq DESC LIMIT 1", null)
                .stream()
                .findFirst());
  }

  /** The batches that are not confirmed, by seq. */
  public List<StoredBatch> open() {
    return inTransaction(
        c ->
            select(
                c,
                "SELECT " + COLUMNS + " FROM batches WHERE status <> 'confirmed' ORDER BY seq",
                null));
  }

  /** The confirmed batches not yet final, by seq. */
  List<StoredBatch> confirmedNotFinal() {
    return inTransaction(
        c ->
            select(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM batches WHERE status = 'confirmed' AND finalized_at IS NULL"
                    + " ORDER BY seq",
                null));
  }

  /** The status history of batch {@code seq}, oldest first. */
  public List<BatchEvent> history(long seq) {
    return inTransaction(
        c -> {
          List<BatchEvent> events = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT status, l1_tx_hash, l1_block, detail, at FROM batch_events"
                      + " WHERE seq = ? ORDER BY id")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long block = rs.getLong(3);
                events.add(
                    new BatchEvent(
                        rs.getString(1),
                        Optional.ofNullable(rs.getBytes(2)).map(b -> Hash.of(Bytes.of(b))),
                        rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(block),
                        Optional.ofNullable(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()));
              }
            }
          }
          return events;
        });
  }

  /**
   * Moves batch {@code seq} to {@code status} at {@code placement} (required for included,
   * confirmed and reverted, cleared otherwise), with a history row.
   */
  void transition(
      long seq,
      BatchStatus status,
      Optional<L1Placement> placement,
      Optional<Hash> eventTx,
      String detail,
      Instant now) {
    inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE batches SET status = ?, l1_tx_hash = ?, l1_block = ?, l1_block_hash = ?,"
                      + " updated_at = ? WHERE seq = ?")) {
            ps.setString(1, status.dbValue());
            ps.setBytes(2, placement.map(p -> p.txHash().bytes().toArray()).orElse(null));
            if (placement.isPresent()) {
              ps.setLong(3, placement.get().block());
            } else {
              ps.setNull(3, Types.BIGINT);
            }
            ps.setBytes(4, placement.map(p -> p.blockHash().bytes().toArray()).orElse(null));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setLong(6, seq);
            if (ps.executeUpdate() != 1) {
              throw new BatchStoreException("no batch " + seq, null);
            }
          }
          Hash tx = placement.map(L1Placement::txHash).or(() -> eventTx).orElse(null);
          Long block = placement.map(L1Placement::block).orElse(null);
          event(c, seq, status.dbValue(), tx, block, detail, now);
          return null;
        });
  }

  /** Batch {@code seq}, confirmed, is final on L1. */
  void markFinalized(long seq, Instant now) {
    inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE batches SET finalized_at = ?, updated_at = ? WHERE seq = ?"
                      + " AND status = 'confirmed' AND finalized_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, seq);
            if (ps.executeUpdate() == 1) {
              event(c, seq, "finalized", null, null, now);
            }
          }
          return null;
        });
  }

  /**
   * The last L2 block of the highest confirmed batch below every batch that is not confirmed: the
   * chain is on L1 through this block (0 when no batch is).
   */
  long confirmedThrough() {
    return longQuery(
        "SELECT coalesce(max(last_block), 0) FROM batches WHERE status = 'confirmed' AND seq <"
            + " coalesce((SELECT min(seq) FROM batches WHERE status <> 'confirmed'),"
            + " 9223372036854775807)");
  }

  /** The last L2 block of the highest final batch (0 when none is). */
  long finalizedThrough() {
    return longQuery(
        "SELECT coalesce(max(last_block), 0) FROM batches WHERE finalized_at IS NOT NULL");
  }

  /** The last L2 block of the highest batch in an L1 block, confirmed or not (0 when none). */
  long includedThrough() {
    return longQuery(
        "SELECT coalesce(max(last_block), 0) FROM batches"
            + " WHERE status IN ('included', 'confirmed')");
  }

  private long longQuery(String sql) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static void event(
      Connection c, long seq, String status, Hash tx, String detail, Instant now)
      throws SQLException {
    event(c, seq, status, tx, null, detail, now);
  }

  private static void event(
      Connection c, long seq, String status, Hash tx, Long block, String detail, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO batch_events (seq, status, l1_tx_hash, l1_block, detail, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, seq);
      ps.setString(2, status);
      ps.setBytes(3, tx == null ? null : tx.bytes().toArray());
      if (block == null) {
        ps.setNull(4, Types.BIGINT);
      } else {
        ps.setLong(4, block);
      }
      ps.setString(5, detail);
      ps.setTimestamp(6, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  private static List<StoredBatch> select(Connection c, String sql, Object parameter)
      throws SQLException {
    List<StoredBatch> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (parameter != null) {
        ps.setObject(1, parameter);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(read(rs));
        }
      }
    }
    return rows;
  }

  private static StoredBatch read(ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    BatchHeader header =
        new BatchHeader(
            seq,
            BatchVersion.ofId(rs.getInt(9))
                .orElseThrow(() -> new BatchStoreException("batch " + seq + ": version", null)),
            Codec.ofId(rs.getInt(10))
                .orElseThrow(() -> new BatchStoreException("batch " + seq + ": codec", null)),
            hash(rs.getBytes(4)),
            hash(rs.getBytes(5)),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(6),
            hash(rs.getBytes(7)));
    Optional<L1Placement> placement = Optional.empty();
    long block = rs.getLong(15);
    if (!rs.wasNull()) {
      placement = Optional.of(new L1Placement(hash(rs.getBytes(14)), block, hash(rs.getBytes(16))));
    }
    Timestamp finalized = rs.getTimestamp(17);
    return new StoredBatch(
        header,
        Bytes.of(rs.getBytes(8)),
        rs.getInt(11),
        rs.getString(12),
        BatchStatus.ofDb(rs.getString(13)),
        placement,
        Optional.ofNullable(finalized).map(Timestamp::toInstant));
  }

  private static Hash hash(byte[] bytes) {
    return Hash.of(Bytes.of(bytes));
  }

  private <T> T inTransaction(SqlTransactions.SqlWork<T> work) {
    return SqlTransactions.inTransaction(
        dataSource, work, e -> new BatchStoreException("batch store: " + e.getMessage(), e));
  }

  /** A database failure of the store. */
  public static final class BatchStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
