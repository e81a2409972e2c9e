package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.ExecutedTransaction;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The chain tables (V1: {@code chain_info}, {@code blocks}, {@code transactions}, {@code logs}) and
 * the flat state (V2: {@code accounts}, {@code storage}). A block and everything it changes — its
 * rows, the state rows, the deletion of its pool rows — are written in one database transaction:
 * after a crash the database holds a block completely or not at all. A receipt is stored in its
 * transaction's row (V8), without bloom or consensus encoding (V3): both follow exactly from the
 * row and its logs.
 *
 * <p>Thread-safe (holds no state besides the data source); in the node only the block producer
 * thread writes (and the start-up thread, before the producer exists).
 */
public final class ChainStore {

  private static final String INSERT_BLOCK =
      "INSERT INTO blocks (number, hash, parent_hash, timestamp, state_root, transactions_root,"
          + " receipts_root, logs_bloom, gas_limit, gas_used, base_fee_per_gas, fee_recipient,"
          + " tx_count, header_rlp, l1_base_fee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?)";
  // One row per included transaction with its receipt's columns (V8), sent with one COPY.
  private static final List<String> TRANSACTION_COLUMNS =
      List.of(
          "hash",
          "block_number",
          "tx_index",
          "tx_type",
          "sender",
          "nonce",
          "recipient",
          "value",
          "gas_limit",
          "raw",
          "status",
          "gas_used",
          "cumulative_gas_used",
          "effective_gas_price",
          "l1_fee");
  // hash, sender, recipient, numbers and a transfer's ~110-byte encoding, with field lengths.
  private static final int TRANSACTION_ROW_BYTES = 320;
  private static final String INSERT_LOGS =
      "INSERT INTO logs (block_number, log_index, tx_hash, tx_index, address, topic0, topic1,"
          + " topic2, topic3, data) SELECT ?, li, h, i, a, t0, t1, t2, t3, d FROM unnest(?::int4[],"
          + " ?::bytea[], ?::int4[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[],"
          + " ?::bytea[]) AS x(li, h, i, a, t0, t1, t2, t3, d)";
  private final DataSource dataSource;

  /** A store on the node's data source (its connections use the node's schema). */
  public ChainStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The chain's fixed facts, if the database was initialised. */
  public Optional<ChainInfo> chainInfo() {
    return query(
        "SELECT chain_id, genesis_hash FROM chain_info",
        rs -> rs.next() ? Optional.of(new ChainInfo(rs.getLong(1), hash(rs, 2))) : Optional.empty(),
        "chain_info");
  }

  /**
   * Initialises an empty database: the {@code chain_info} row and block 0 with its state rows, in
   * one transaction.
   */
  public void initialize(ChainInfo info, SealedBlock genesis) {
    inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO chain_info (chain_id, genesis_hash) VALUES (?, ?)")) {
            insert.setLong(1, info.chainId());
            insert.setBytes(2, info.genesisHash().bytes().toArray());
            insert.executeUpdate();
          }
          write(connection, genesis, Optional.empty());
        },
        "genesis");
  }

  /**
   * Writes a sealed block in one transaction: its {@code blocks} row, transactions (with their
   * receipts) and logs, its state changes, and the deletion of its pool rows.
   *
   * @throws ChainStoreException if the transaction did not commit (nothing was written then)
   */
  public void persist(SealedBlock sealed) {
    inTransaction(
        connection -> write(connection, sealed, Optional.empty()),
        "block " + sealed.block().number());
  }

  /**
   * As {@link #persist(SealedBlock)}, knowing {@code before}, the state the database holds before
   * the block (the previous block's): accounts absent from it are inserted and the others updated
   * instead of upserted ({@link StateRows}). If the database holds a row {@code before} lacks, the
   * transaction is rolled back and the block written again with upserts.
   *
   * @throws ChainStoreException if the block did not commit (nothing was written then)
   */
  public void persist(SealedBlock sealed, StateView before) {
    Objects.requireNonNull(before, "before");
    try {
      JdbcTransaction.run(dataSource, connection -> write(connection, sealed, Optional.of(before)));
    } catch (SQLException e) {
      if (!JdbcTransaction.isUniqueViolation(e)) {
        throw new ChainStoreException(
            "chain write of block " + sealed.block().number() + " failed", e);
      }
      persist(sealed);
    }
  }

  /** The header of the highest block, decoded from its stored RLP. */
  public Optional<BlockHeader> head() {
    return query(
        "SELECT number, header_rlp FROM blocks ORDER BY number DESC LIMIT 1",
        ChainStore::header,
        "head");
  }

  /** The header of block 0, decoded from its stored RLP (the start-up check of the genesis). */
  public Optional<BlockHeader> genesisHeader() {
    return query(
        "SELECT number, header_rlp FROM blocks WHERE number = 0", ChainStore::header, "block 0");
  }

  /** The header in the first row of (number, header_rlp), checked against the row's number. */
  private static Optional<BlockHeader> header(ResultSet rs) throws SQLException {
    if (!rs.next()) {
      return Optional.empty();
    }
    long number = rs.getLong(1);
    BlockHeader header = BlockHeader.decode(Bytes.of(rs.getBytes(2))).orElseThrow();
    if (header.number() != number) {
      throw new ChainStoreException(
          "block row " + number + " holds the header of block " + header.number());
    }
    return Optional.of(header);
  }

  /** Every account and storage row, for {@code WorldState.fromFlat}. */
  public StoredState loadState() {
    Map<Address, Account> accounts =
        query(
            "SELECT address, nonce, balance, storage_root, code_hash FROM accounts",
            rs -> {
              Map<Address, Account> rows = new HashMap<>();
              while (rs.next()) {
                rows.put(
                    address(rs, 1),
                    new Account(
                        rs.getLong(2),
                        Wei.of(rs.getBigDecimal(3).toBigIntegerExact()),
                        hash(rs, 4),
                        hash(rs, 5)));
              }
              return rows;
            },
            "accounts");
    Map<Address, Map<Hash, Word>> storage =
        query(
            "SELECT address, slot, value FROM storage",
            rs -> {
              Map<Address, Map<Hash, Word>> rows = new HashMap<>();
              while (rs.next()) {
                rows.computeIfAbsent(address(rs, 1), a -> new HashMap<>())
                    .put(hash(rs, 2), new Word(Bytes.of(rs.getBytes(3))));
              }
              return rows;
            },
            "storage");
    return new StoredState(accounts, storage);
  }

  private static void write(Connection connection, SealedBlock sealed, Optional<StateView> before)
      throws SQLException {
    Block block = sealed.block();
    insertBlock(connection, block, sealed.l1BaseFee());
    insertTransactions(connection, block.number(), sealed.included());
    StateRows.write(connection, sealed, before);
    PoolStore.deleteBatch(connection, sealed.poolDeletes());
  }

  private static void insertBlock(Connection connection, Block block, Wei l1BaseFee)
      throws SQLException {
    BlockHeader h = block.header();
    try (PreparedStatement insert = connection.prepareStatement(INSERT_BLOCK)) {
      insert.setLong(1, h.number());
      insert.setBytes(2, h.hash().bytes().toArray());
      insert.setBytes(3, h.parentHash().bytes().toArray());
      insert.setLong(4, h.timestamp());
      insert.setBytes(5, h.stateRoot().bytes().toArray());
      insert.setBytes(6, h.transactionsRoot().bytes().toArray());
      insert.setBytes(7, h.receiptsRoot().bytes().toArray());
      insert.setBytes(8, h.logsBloom().bytes().toArray());
      insert.setLong(9, h.gasLimit());
      insert.setLong(10, h.gasUsed());
      insert.setBigDecimal(11, new BigDecimal(h.baseFeePerGas().value()));
      insert.setBytes(12, h.beneficiary().bytes().toArray());
      insert.setInt(13, block.transactions().size());
      insert.setBytes(14, h.encoded().toArray());
      insert.setLong(15, l1BaseFee.value().longValueExact());
      insert.executeUpdate();
    }
  }

  /** The block's transactions with their receipts' columns, then its logs. */
  private static void insertTransactions(
      Connection connection, long number, List<ExecutedTransaction> included) throws SQLException {
    int n = included.size();
    if (n == 0) {
      return;
    }
    BinaryCopy rows =
        new BinaryCopy("transactions", TRANSACTION_COLUMNS, n * TRANSACTION_ROW_BYTES);
    LogColumns logs = new LogColumns();
    for (int i = 0; i < n; i++) {
      ExecutedTransaction executed = included.get(i);
      byte[] hash = executed.transaction().hash().bytes().toArray();
      addTransactionRow(rows, number, i, hash, executed);
      for (Log log : executed.receipt().logs()) {
        logs.add(hash, i, log);
      }
    }
    rows.execute(connection);
    logs.insert(connection, number);
  }

  /** One {@link #TRANSACTION_COLUMNS} row: the transaction at {@code index} and its receipt. */
  private static void addTransactionRow(
      BinaryCopy rows, long number, int index, byte[] hash, ExecutedTransaction executed) {
    Transaction tx = executed.transaction().transaction();
    Receipt receipt = executed.receipt();
    rows.row()
        .bytea(hash)
        .int8(number)
        .int4(index)
        .int2((short) tx.type().typeByte().orElse(0).intValue())
        .bytea(executed.transaction().sender().bytes().toArray())
        .int8(nonce(tx))
        .nullableBytea(tx.recipient().map(to -> to.bytes().toArray()).orElse(null))
        .numeric(tx.value().value())
        .int8(tx.gasLimit())
        .bytea(tx.encoded().toArray())
        .int2((short) (receipt.status() == ReceiptStatus.SUCCESS ? 1 : 0))
        .int8(executed.gasUsed())
        .int8(receipt.cumulativeGasUsed())
        .numeric(executed.effectiveGasPrice().value())
        .numeric(executed.l1Fee().value());
  }

  /**
   * A signed transaction's nonce. Deposits carry none on the wire; they are not sequenced yet (no
   * deposit watcher), and 0 stands in until the watcher records the nonce they used.
   */
  private static long nonce(Transaction tx) {
    return switch (tx) {
      case SignedTransaction signed -> signed.payload().nonce();
      case DepositTransaction deposit -> 0;
    };
  }

  /** The logs of one block as columns, numbered in block order. */
  private static final class LogColumns {
    private final List<Integer> txIndexes = new ArrayList<>();
    private final List<byte[]> txHashes = new ArrayList<>();
    private final List<byte[]> addresses = new ArrayList<>();
    private final List<List<byte[]>> topics = new ArrayList<>();
    private final List<byte[]> data = new ArrayList<>();

    LogColumns() {
      for (int t = 0; t < Log.MAX_TOPICS; t++) {
        topics.add(new ArrayList<>());
      }
    }

    void add(byte[] txHash, int txIndex, Log log) {
      txHashes.add(txHash);
      txIndexes.add(txIndex);
      addresses.add(log.address().bytes().toArray());
      for (int t = 0; t < Log.MAX_TOPICS; t++) {
        topics.get(t).add(t < log.topics().size() ? log.topics().get(t).bytes().toArray() : null);
      }
      data.add(log.data().toArray());
    }

    void insert(Connection connection, long number) throws SQLException {
      int n = txHashes.size();
      if (n == 0) {
        return;
      }
      Integer[] logIndexes = new Integer[n];
      for (int i = 0; i < n; i++) {
        logIndexes[i] = i;
      }
      try (PreparedStatement insert = connection.prepareStatement(INSERT_LOGS)) {
        insert.setLong(1, number);
        SqlArrays.int4(connection, insert, 2, logIndexes);
        SqlArrays.bytea(connection, insert, 3, txHashes.toArray(byte[][]::new));
        SqlArrays.int4(connection, insert, 4, txIndexes.toArray(Integer[]::new));
        SqlArrays.bytea(connection, insert, 5, addresses.toArray(byte[][]::new));
        for (int t = 0; t < Log.MAX_TOPICS; t++) {
          SqlArrays.bytea(connection, insert, 6 + t, topics.get(t).toArray(byte[][]::new));
        }
        SqlArrays.bytea(connection, insert, 10, data.toArray(byte[][]::new));
        insert.executeUpdate();
      }
    }
  }

  private void inTransaction(JdbcTransaction.Work work, String what) {
    try {
      JdbcTransaction.run(dataSource, work);
    } catch (SQLException e) {
      throw new ChainStoreException("chain write of " + what + " failed", e);
    }
  }

  private static Hash hash(ResultSet rs, int column) throws SQLException {
    return Hash.of(Bytes.of(rs.getBytes(column)));
  }

  private static Address address(ResultSet rs, int column) throws SQLException {
    return Address.of(Bytes.of(rs.getBytes(column)));
  }

  private <T> T query(String sql, SqlRead<T> read, String what) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(10_000);
      try (ResultSet rs = statement.executeQuery()) {
        return read.read(rs);
      }
    } catch (SQLException e) {
      throw new ChainStoreException("could not read " + what, e);
    }
  }

  @FunctionalInterface
  private interface SqlRead<T> {
    T read(ResultSet rs) throws SQLException;
  }
}
