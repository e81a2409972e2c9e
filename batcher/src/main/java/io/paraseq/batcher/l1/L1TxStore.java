package io.paraseq.batcher.l1;

import io.paraseq.batcher.support.SqlTransactions;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The transaction manager's rows ({@code l1_transactions}, {@code l1_tx_attempts}, {@code
 * l1_tx_events}, migration V5): the whole state of the manager, so a new instance resumes where the
 * last one stopped. Each method is one database transaction; a status change and its history row
 * commit together. {@link SQLException}s become {@link L1TxStoreException}. Thread-safe (no state
 * but the data source).
 */
public final class L1TxStore {

  private static final String TX_COLUMNS =
      "id, intent_id, sender, recipient, calldata, gas_limit, status, nonce, included_tx_hash,"
          + " included_block, included_block_hash, receipt_success, gas_used, effective_gas_price";

  private final DataSource dataSource;

  /** Uses {@code dataSource}, whose schema has the V5 migration applied. */
  public L1TxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores a queued intent, or returns the stored one with the same {@code intentId}.
   *
   * @throws IntentConflictException if that intent exists with another payload
   */
  L1Tx insertIntent(
      String intentId, Address sender, Address to, Bytes calldata, long gasLimit, Instant now) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO l1_transactions (intent_id, sender, recipient, calldata, gas_limit,"
                      + " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)"
                      + " ON CONFLICT (intent_id) DO NOTHING RETURNING id")) {
            ps.setString(1, intentId);
            ps.setBytes(2, sender.bytes().toArray());
            ps.setBytes(3, to.bytes().toArray());
            ps.setBytes(4, calldata.toArray());
            ps.setLong(5, gasLimit);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                event(c, rs.getLong(1), L1TxStatus.QUEUED, null, null, null, null, now);
              }
            }
          }
          L1Tx stored = findIn(c, intentId).orElseThrow();
          if (!stored.sender().equals(sender)
              || !stored.to().equals(to)
              || !stored.calldata().equals(calldata)
              || stored.gasLimit() != gasLimit) {
            throw new IntentConflictException(intentId);
          }
          return stored;
        });
  }

  /** The intent {@code intentId} with its attempts. */
  public Optional<L1Tx> find(String intentId) {
    return inTransaction(c -> findIn(c, intentId));
  }

  /** The status history of {@code intentId}, oldest first. */
  public List<L1TxEvent> history(String intentId) {
    return inTransaction(
        c -> {
          List<L1TxEvent> events = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT e.status, e.tx_hash, e.block_number, e.block_hash, e.detail, e.at"
                      + " FROM l1_tx_events e JOIN l1_transactions t ON t.id = e.l1_tx_id"
                      + " WHERE t.intent_id = ? ORDER BY e.id")) {
            ps.setString(1, intentId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long block = rs.getLong(3);
                OptionalLong blockNumber =
                    rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(block);
                events.add(
                    new L1TxEvent(
                        L1TxStatus.ofDb(rs.getString(1)),
                        hash(rs.getBytes(2)),
                        blockNumber,
                        hash(rs.getBytes(4)),
                        Optional.ofNullable(rs.getString(5)),
                        rs.getTimestamp(6).toInstant()));
              }
            }
          }
          return events;
        });
  }

  /**
   * The open intents of {@code sender} (everything but confirmed): those with a nonce first, by
   * nonce, then the queued ones in submission order.
   */
  List<L1Tx> open(Address sender) {
    return inTransaction(
        c ->
            select(
                c,
                "SELECT "
                    + TX_COLUMNS
                    + " FROM l1_transactions WHERE sender = ? AND status <> 'confirmed'"
                    + " ORDER BY nonce NULLS LAST, id",
                sender.bytes().toArray()));
  }

  /** The highest nonce any intent of {@code sender} holds. */
  OptionalLong maxNonce(Address sender) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT max(nonce) FROM l1_transactions WHERE sender = ?")) {
            ps.setBytes(1, sender.bytes().toArray());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long max = rs.getLong(1);
              return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(max);
            }
          }
        });
  }

  /**
   * Gives queued intent {@code txId} its nonce and stores its first attempt (status sent), before
   * the attempt's bytes are sent.
   *
   * @throws L1TxStoreException if the intent is not queued any more or the nonce is taken
   */
  void assignNonce(long txId, long nonce, SignedL1Tx signed, Fees fees, Instant now) {
    inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE l1_transactions SET nonce = ?, status = 'sent', updated_at = ?"
                      + " WHERE id = ? AND status = 'queued'")) {
            ps.setLong(1, nonce);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, txId);
            if (ps.executeUpdate() != 1) {
              throw new L1TxStoreException("intent " + txId + " is not queued", null);
            }
          }
          insertAttempt(c, txId, nonce, signed, fees, now);
          event(c, txId, L1TxStatus.SENT, signed.hash(), null, null, "nonce " + nonce, now);
          return null;
        });
  }

  /** Stores a replacement attempt of intent {@code txId}, before its bytes are sent. */
  void addAttempt(long txId, long nonce, SignedL1Tx signed, Fees fees, Instant now) {
    inTransaction(
        c -> {
          insertAttempt(c, txId, nonce, signed, fees, now);
          return null;
        });
  }

  /** Records that the node accepted (or already knew) attempt {@code txHash}. */
  void markAttemptSent(Hash txHash, Instant now) {
    update(
        "UPDATE l1_tx_attempts SET sent_at = coalesce(sent_at, ?) WHERE tx_hash = ?",
        Timestamp.from(now),
        txHash.bytes().toArray());
  }

  /** Records that the node refused attempt {@code txHash}. */
  void markAttemptRejected(Hash txHash, String rejection) {
    update(
        "UPDATE l1_tx_attempts SET rejection = ? WHERE tx_hash = ? AND sent_at IS NULL",
        rejection,
        txHash.bytes().toArray());
  }

  /** Intent {@code txId} is included as {@code inclusion}. */
  void markIncluded(long txId, L1Inclusion inclusion, Instant now) {
    inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE l1_transactions SET status = 'included', included_tx_hash = ?,"
                      + " included_block = ?, included_block_hash = ?, receipt_success = ?,"
                      + " gas_used = ?, effective_gas_price = ?, updated_at = ? WHERE id = ?")) {
            ps.setBytes(1, inclusion.txHash().bytes().toArray());
            ps.setLong(2, inclusion.blockNumber());
            ps.setBytes(3, inclusion.blockHash().bytes().toArray());
            ps.setBoolean(4, inclusion.success());
            ps.setLong(5, inclusion.gasUsed());
            ps.setBigDecimal(6, new BigDecimal(inclusion.effectiveGasPrice().value()));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setLong(8, txId);
            ps.executeUpdate();
          }
          event(
              c,
              txId,
              L1TxStatus.INCLUDED,
              inclusion.txHash(),
              inclusion.blockNumber(),
              inclusion.blockHash(),
              inclusion.success() ? null : "reverted",
              now);
          return null;
        });
  }

  /** Intent {@code txId}, included as {@code inclusion}, is confirmed. */
  void markConfirmed(long txId, L1Inclusion inclusion, Instant now) {
    transition(txId, L1TxStatus.CONFIRMED, inclusion, null, now, false);
  }

  /** The inclusion of intent {@code txId} left the canonical chain. */
  void markReorged(long txId, L1Inclusion lost, String detail, Instant now) {
    transition(txId, L1TxStatus.REORGED, lost, detail, now, true);
  }

  /**
   * Intent {@code txId}'s nonce was used by a transaction that is not one of its attempts: back to
   * queued, to be signed again with a new nonce (its attempts stay in the history).
   */
  void requeue(long txId, String detail, Instant now) {
    inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE l1_transactions SET status = 'queued', nonce = NULL, updated_at = ?"
                      + " WHERE id = ? AND status IN ('sent', 'reorged')")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, txId);
            ps.executeUpdate();
          }
          event(c, txId, L1TxStatus.QUEUED, null, null, null, detail, now);
          return null;
        });
  }

  private void transition(
      long txId,
      L1TxStatus status,
      L1Inclusion inclusion,
      String detail,
      Instant now,
      boolean clearInclusion) {
    inTransaction(
        c -> {
          String clear =
              clearInclusion
                  ? ", included_tx_hash = NULL, included_block = NULL, included_block_hash = NULL,"
                      + " receipt_success = NULL, gas_used = NULL, effective_gas_price = NULL"
                  : "";
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE l1_transactions SET status = ?, updated_at = ?"
                      + clear
                      + " WHERE id = ?")) {
            ps.setString(1, status.dbValue());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, txId);
            ps.executeUpdate();
          }
          event(
              c,
              txId,
              status,
              inclusion.txHash(),
              inclusion.blockNumber(),
              inclusion.blockHash(),
              detail,
              now);
          return null;
        });
  }

  private static void insertAttempt(
      Connection c, long txId, long nonce, SignedL1Tx signed, Fees fees, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO l1_tx_attempts (tx_hash, l1_tx_id, attempt, nonce, max_fee_per_gas,"
                + " max_priority_fee_per_gas, raw, signed_at) VALUES (?, ?,"
                + " (SELECT count(*) FROM l1_tx_attempts WHERE l1_tx_id = ?), ?, ?, ?, ?, ?)")) {
      ps.setBytes(1, signed.hash().bytes().toArray());
      ps.setLong(2, txId);
      ps.setLong(3, txId);
      ps.setLong(4, nonce);
      ps.setBigDecimal(5, new BigDecimal(fees.maxFeePerGas().value()));
      ps.setBigDecimal(6, new BigDecimal(fees.maxPriorityFeePerGas().value()));
      ps.setBytes(7, signed.raw().toArray());
      ps.setTimestamp(8, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  private static void event(
      Connection c,
      long txId,
      L1TxStatus status,
      Hash txHash,
      Long blockNumber,
      Hash blockHash,
      String detail,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO l1_tx_events (l1_tx_id, status, tx_hash, block_number, block_hash,"
                + " detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, txId);
      ps.setString(2, status.dbValue());
      ps.setBytes(3, txHash == null ? null : txHash.bytes().toArray());
      if (blockNumber == null) {
        ps.setNull(4, Types.BIGINT);
      } else {
        ps.setLong(4, blockNumber);
      }
      ps.setBytes(5, blockHash == null ? null : blockHash.bytes().toArray());
      ps.setString(6, detail);
      ps.setTimestamp(7, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  private static Optional<L1Tx> findIn(Connection c, String intentId) throws SQLException {
    List<L1Tx> found =
        select(c, "SELECT " + TX_COLUMNS + " FROM l1_transactions WHERE intent_id = ?", intentId);
    return found.stream().findFirst();
  }

  private static List<L1Tx> select(Connection c, String sql, Object parameter) throws SQLException {
    List<TxRow> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(TxRow.read(rs));
        }
      }
    }
    Map<Long, List<L1TxAttempt>> attempts = attempts(c, rows.stream().map(TxRow::id).toList());
    return rows.stream().map(r -> r.with(attempts.getOrDefault(r.id(), List.of()))).toList();
  }

  /** One {@code l1_transactions} row, before its attempts are read. */
  private record TxRow(
      long id,
      String intentId,
      Address sender,
      Address to,
      Bytes calldata,
      long gasLimit,
      L1TxStatus status,
      OptionalLong nonce,
      Optional<L1Inclusion> inclusion) {

    static TxRow read(ResultSet rs) throws SQLException {
      long nonce = rs.getLong(8);
      OptionalLong maybeNonce = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(nonce);
      Optional<L1Inclusion> inclusion = Optional.empty();
      long block = rs.getLong(10);
      if (!rs.wasNull()) {
        inclusion =
            Optional.of(
                new L1Inclusion(
                    Hash.of(Bytes.of(rs.getBytes(9))),
                    block,
                    Hash.of(Bytes.of(rs.getBytes(11))),
                    rs.getBoolean(12),
                    rs.getLong(13),
                    Wei.of(rs.getBigDecimal(14).toBigIntegerExact())));
      }
      return new TxRow(
          rs.getLong(1),
          rs.getString(2),
          Address.of(Bytes.of(rs.getBytes(3))),
          Address.of(Bytes.of(rs.getBytes(4))),
          Bytes.of(rs.getBytes(5)),
          rs.getLong(6),
          L1TxStatus.ofDb(rs.getString(7)),
          maybeNonce,
          inclusion);
    }

    L1Tx with(List<L1TxAttempt> attempts) {
      return new L1Tx(
          id, intentId, sender, to, calldata, gasLimit, status, nonce, inclusion, attempts);
    }
  }

  private static Map<Long, List<L1TxAttempt>> attempts(Connection c, List<Long> txIds)
      throws SQLException {
    Map<Long, List<L1TxAttempt>> byTx = new HashMap<>();
    if (txIds.isEmpty()) {
      return byTx;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l1_tx_id, attempt, tx_hash, nonce, max_fee_per_gas, max_priority_fee_per_gas,"
                + " raw, signed_at, sent_at, rejection FROM l1_tx_attempts"
                + " WHERE l1_tx_id = ANY (?) ORDER BY l1_tx_id, attempt")) {
      ps.setArray(1, c.createArrayOf("bigint", txIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp sent = rs.getTimestamp(9);
          byTx.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new L1TxAttempt(
                      rs.getInt(2),
                      Hash.of(Bytes.of(rs.getBytes(3))),
                      rs.getLong(4),
                      new Fees(
                          Wei.of(rs.getBigDecimal(5).toBigIntegerExact()),
                          Wei.of(rs.getBigDecimal(6).toBigIntegerExact())),
                      Bytes.of(rs.getBytes(7)),
                      rs.getTimestamp(8).toInstant(),
                      Optional.ofNullable(sent).map(Timestamp::toInstant),
                      Optional.ofNullable(rs.getString(10))));
        }
      }
    }
    return byTx;
  }

  private static Optional<Hash> hash(byte[] bytes) {
    return bytes == null ? Optional.empty() : Optional.of(Hash.of(Bytes.of(bytes)));
  }

  private void update(String sql, Object first, Object second) {
    inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, first);
            ps.setObject(2, second);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private <T> T inTransaction(SqlTransactions.SqlWork<T> work) {
    return SqlTransactions.inTransaction(
        dataSource,
        work,
        e -> new L1TxStoreException("l1 transaction store: " + e.getMessage(), e));
  }

  /** A database failure of the store. */
  public static final class L1TxStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    L1TxStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An intent id was submitted again with a different payload: a bug of the caller. */
  public static final class IntentConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IntentConflictException(String intentId) {
      super("intent " + intentId + " already exists with another payload");
    }
  }
}
