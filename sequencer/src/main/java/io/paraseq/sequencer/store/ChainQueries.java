package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads of the chain tables ({@code blocks}, {@code transactions} with their receipts' columns,
 * {@code logs}) and of the pool table for pending transactions, returning domain values: headers
 * decoded from {@code header_rlp}, transactions from {@code raw}. Independent of any API (JSON-RPC
 * and REST both build on it); never writes.
 *
 * <p>Every query uses an index: blocks by number (primary key) or hash (unique), a block's
 * transactions (with their receipts, V8) by {@code (block_number, tx_index)} (unique) or by hash
 * (primary key), logs by {@code (block_number, log_index)} (primary key), {@code (address,
 * block_number)} or {@code (topic0, block_number)}. Receipts keep no bloom (V3): a receipt's bloom
 * is computed from its logs. Rows of a block are immutable once committed, so reading a block in
 * several statements is consistent.
 *
 * <p>Thread-safe (holds no state besides the data source).
 */
public final class ChainQueries {

  private static final String BLOCK_HEADER = "SELECT header_rlp FROM blocks WHERE number = ?";
  private static final String BLOCK_NUMBER = "SELECT number FROM blocks WHERE hash = ?";
  private static final String TX_COUNT = "SELECT tx_count FROM blocks WHERE number = ?";
  private static final String TX_SIZES =
      "SELECT hash, tx_type, octet_length(raw) FROM transactions WHERE block_number = ?"
          + " ORDER BY tx_index";
  private static final String BLOCK_TXS =
      "SELECT hash, sender, raw, tx_index FROM transactions WHERE block_number = ?"
          + " ORDER BY tx_index";
  // One statement, so one snapshot: a transaction moving from the pool into a block (both rows
  // change in one database transaction) is found in exactly one of the two branches.
  private static final String TRANSACTION =
      "SELECT t.sender, t.raw, t.tx_index, b.number, b.hash, b.base_fee_per_gas"
          + " FROM transactions t JOIN blocks b ON b.number = t.block_number WHERE t.hash = ?"
          + " UNION ALL"
          + " SELECT p.sender, p.raw, NULL, NULL, NULL, NULL FROM pool_transactions p"
          + " WHERE p.hash = ?";
  private static final String RECEIPT =
      "SELECT t.status, t.gas_used, t.cumulative_gas_used, t.effective_gas_price, t.l1_fee,"
          + " t.contract_address, t.tx_index, t.tx_type, t.sender, t.recipient,"
          + " b.number, b.hash, b.base_fee_per_gas, b.timestamp"
          + " FROM transactions t JOIN blocks b ON b.number = t.block_number WHERE t.hash = ?";
  private static final String RECEIPT_LOGS =
      "SELECT log_index, address, topic0, topic1, topic2, topic3, data FROM logs"
          + " WHERE block_number = ? AND tx_index = ? ORDER BY log_index";
  private static final String HEADERS =
      "SELECT number, header_rlp FROM blocks WHERE number BETWEEN ? AND ? ORDER BY number";
  private static final String TIPS =
      "SELECT t.block_number, t.gas_used, CASE WHEN t.tx_type = 126 THEN 0"
          + " ELSE GREATEST(t.effective_gas_price - b.base_fee_per_gas, 0) END"
          + " FROM transactions t JOIN blocks b ON b.number = t.block_number"
          + " WHERE t.block_number BETWEEN ? AND ? ORDER BY t.block_number, t.tx_index";
  private static final String LOGS =
      "SELECT l.block_number, l.log_index, l.tx_hash, l.tx_index, l.address, l.topic0, l.topic1,"
          + " l.topic2, l.topic3, l.data, b.hash, b.timestamp"
          + " FROM logs l JOIN blocks b ON b.number = l.block_number"
          + " WHERE l.block_number BETWEEN ? AND ?";

  private final DataSource dataSource;

  /** Reads through the node's data source (its connections use the node's schema). */
  public ChainQueries(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The number of the block with {@code hash}, if it is stored. */
  public Optional<Long> blockNumber(Hash hash) {
    return read(
        "block number of " + hash,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(BLOCK_NUMBER)) {
            select.setBytes(1, hash.bytes().toArray());
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
          }
        });
  }

  /** The header of block {@code number}, if it is stored. */
  public Optional<BlockHeader> header(long number) {
    return read("header " + number, connection -> header(connection, number));
  }

  /** Block {@code number} with its transactions' hashes, if it is stored. */
  public Optional<BlockSummary> blockSummary(long number) {
    return read(
        "block " + number,
        connection -> {
          Optional<BlockHeader> header = header(connection, number);
          if (header.isEmpty()) {
            return Optional.empty();
          }
          BlockSize size = new BlockSize(header.get().encoded().length());
          List<Hash> hashes = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(TX_SIZES)) {
            select.setLong(1, number);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                hashes.add(ChainRows.hash(rs, 1));
                size.add(rs.getInt(2) == 0, rs.getInt(3));
              }
            }
          }
          return Optional.of(new BlockSummary(header.get(), size.bytes(), hashes));
        });
  }

  /** Block {@code number} with its transactions decoded, if it is stored. */
  public Optional<FullBlock> fullBlock(long number) {
    return read(
        "block " + number,
        connection -> {
          Optional<BlockHeader> found = header(connection, number);
          if (found.isEmpty()) {
            return Optional.empty();
          }
          BlockHeader header = found.get();
          Bytes encodedHeader = header.encoded();
          Hash blockHash = Hash.keccak(encodedHeader);
          BlockSize size = new BlockSize(encodedHeader.length());
          List<ChainTransaction> transactions = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(BLOCK_TXS)) {
            select.setLong(1, number);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                Hash hash = ChainRows.hash(rs, 1);
                byte[] raw = rs.getBytes(3);
                Transaction tx = ChainRows.transaction(hash, raw);
                size.add(tx.type() == TransactionType.LEGACY, raw.length);
                TransactionLocation location =
                    new TransactionLocation(
                        blockHash, number, rs.getInt(4), header.baseFeePerGas());
                transactions.add(
                    new ChainTransaction(
                        tx, hash, ChainRows.address(rs, 2), Optional.of(location)));
              }
            }
          }
          return Optional.of(new FullBlock(header, size.bytes(), transactions));
        });
  }

  /** The number of transactions in block {@code number}, if it is stored. */
  public Optional<Integer> transactionCount(long number) {
    return read(
        "transaction count of block " + number,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(TX_COUNT)) {
            select.setLong(1, number);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
          }
        });
  }

  /**
   * The transaction with {@code hash}: included in a block (with its location), or pending in the
   * pool table (without one), or empty if neither holds it.
   */
  public Optional<ChainTransaction> transaction(Hash hash) {
    return read(
        "transaction " + hash,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(TRANSACTION)) {
            byte[] key = hash.bytes().toArray();
            select.setBytes(1, key);
            select.setBytes(2, key);
            try (ResultSet rs = select.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              Transaction tx = ChainRows.transaction(hash, rs.getBytes(2));
              Optional<TransactionLocation> location =
                  rs.getObject(3) == null
                      ? Optional.empty()
                      : Optional.of(
                          new TransactionLocation(
                              ChainRows.hash(rs, 5),
                              rs.getLong(4),
                              rs.getInt(3),
                              ChainRows.wei(rs, 6)));
              return Optional.of(
                  new ChainTransaction(tx, hash, ChainRows.address(rs, 1), location));
            }
          }
        });
  }

  /** The receipt of the included transaction {@code hash}, with its logs; empty otherwise. */
  public Optional<ChainReceipt> receipt(Hash hash) {
    return read(
        "receipt " + hash,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(RECEIPT)) {
            select.setBytes(1, hash.bytes().toArray());
            try (ResultSet rs = select.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              TransactionLocation location =
                  new TransactionLocation(
                      ChainRows.hash(rs, 12), rs.getLong(11), rs.getInt(7), ChainRows.wei(rs, 13));
              List<ChainLog> logs = receiptLogs(connection, hash, location, rs.getLong(14));
              return Optional.of(
                  new ChainReceipt(
                      hash,
                      location,
                      ChainRows.type(rs.getInt(8)),
                      ChainRows.address(rs, 9),
                      ChainRows.optionalAddress(rs, 10),
                      ChainRows.optionalAddress(rs, 6),
                      ReceiptStatus.of(rs.getInt(1) == 1),
                      rs.getLong(3),
                      rs.getLong(2),
                      ChainRows.wei(rs, 4),
                      ChainRows.wei(rs, 5),
                      LogsBloom.of(logs.stream().map(ChainLog::log).toList()),
                      logs));
            }
          }
        });
  }

  /**
   * The logs {@code filter} matches, in block order and log index order, at most {@code limit} of
   * them (ask for one more than a result limit to learn that it was exceeded).
   */
  public List<ChainLog> logs(LogFilter filter, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    StringBuilder sql = new StringBuilder(LOGS);
    List<byte[]> arguments = new ArrayList<>();
    if (!filter.addresses().isEmpty()) {
      sql.append(" AND l.address IN (").append(placeholders(filter.addresses().size())).append(')');
      filter.addresses().forEach(a -> arguments.add(a.bytes().toArray()));
    }
    for (int position = 0; position < filter.topics().size(); position++) {
      List<Hash> alternatives = filter.topics().get(position);
      if (!alternatives.isEmpty()) {
        sql.append(" AND l.topic")
            .append(position)
            .append(" IN (")
            .append(placeholders(alternatives.size()))
            .append(')');
        alternatives.forEach(t -> arguments.add(t.bytes().toArray()));
      }
    }
    sql.append(" ORDER BY l.block_number, l.log_index LIMIT ?");
    return read(
        "logs of blocks " + filter.fromBlock() + " … " + filter.toBlock(),
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            select.setLong(parameter++, filter.fromBlock());
            select.setLong(parameter++, filter.toBlock());
            for (byte[] argument : arguments) {
              select.setBytes(parameter++, argument);
            }
            select.setInt(parameter, limit);
            List<ChainLog> logs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                logs.add(
                    new ChainLog(
                        ChainRows.log(rs, 5),
                        ChainRows.hash(rs, 11),
                        rs.getLong(1),
                        rs.getLong(12),
                        ChainRows.hash(rs, 3),
                        rs.getInt(4),
                        rs.getInt(2)));
              }
            }
            return logs;
          }
        });
  }

  /** The stored headers of blocks {@code from} … {@code to} (inclusive), in order. */
  public List<BlockHeader> headers(long from, long to) {
    return read(
        "headers " + from + " … " + to,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(HEADERS)) {
            select.setLong(1, from);
            select.setLong(2, to);
            List<BlockHeader> headers = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                headers.add(ChainRows.header(rs.getLong(1), rs.getBytes(2)));
              }
            }
            return headers;
          }
        });
  }

  /**
   * The gas used and tip of every transaction in blocks {@code from} … {@code to} (inclusive), in
   * block order.
   */
  public List<TransactionTip> tips(long from, long to) {
    return read(
        "tips of blocks " + from + " … " + to,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(TIPS)) {
            select.setFetchSize(10_000);
            select.setLong(1, from);
            select.setLong(2, to);
            List<TransactionTip> tips = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                tips.add(new TransactionTip(rs.getLong(1), rs.getLong(2), ChainRows.wei(rs, 3)));
              }
            }
            return tips;
          }
        });
  }

  private static Optional<BlockHeader> header(Connection connection, long number)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(BLOCK_HEADER)) {
      select.setLong(1, number);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(ChainRows.header(number, rs.getBytes(1))) : Optional.empty();
      }
    }
  }

  private static List<ChainLog> receiptLogs(
      Connection connection, Hash txHash, TransactionLocation location, long timestamp)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(RECEIPT_LOGS)) {
      select.setLong(1, location.blockNumber());
      select.setInt(2, location.index());
      List<ChainLog> logs = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          logs.add(
              new ChainLog(
                  ChainRows.log(rs, 2),
                  location.blockHash(),
                  location.blockNumber(),
                  timestamp,
                  txHash,
                  location.index(),
                  rs.getInt(1)));
        }
      }
      return logs;
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private <T> T read(String what, SqlRead<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.read(connection);
    } catch (SQLException e) {
      throw new ChainStoreException("could not read " + what, e);
    }
  }

  @FunctionalInterface
  private interface SqlRead<T> {
    T read(Connection connection) throws SQLException;
  }
}
