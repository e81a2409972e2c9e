package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.ExecutedTransaction;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.AccountChange;
import io.paraseq.protocol.state.AccountWrite;
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
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The chain tables (V1: {@code chain_info}, {@code blocks}, {@code transactions}, {@code receipts},
 * {@code logs}) and the flat state (V2: {@code accounts}, {@code storage}). A block and everything
 * it changes — its rows, the state rows, the deletion of its pool rows — are written in one
 * database transaction: after a crash the database holds a block completely or not at all.
 *
 * <p>Thread-safe (holds no state besides the data source); in the node only the block producer
 * thread writes (and the start-up thread, before the producer exists).
 */
public final class ChainStore {

  private static final String INSERT_BLOCK =
      "INSERT INTO blocks (number, hash, parent_hash, timestamp, state_root, transactions_root,"
          + " receipts_root, logs_bloom, gas_limit, gas_used, base_fee_per_gas, fee_recipient,"
          + " tx_count, header_rlp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_TX =
      "INSERT INTO transactions (hash, block_number, tx_index, tx_type, sender, nonce, recipient,"
          + " value, gas_limit, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_RECEIPT =
      "INSERT INTO receipts (tx_hash, block_number, tx_index, status, gas_used,"
          + " cumulative_gas_used, effective_gas_price, logs_bloom, encoded)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_LOG =
      "INSERT INTO logs (block_number, log_index, tx_hash, tx_index, address, topic0, topic1,"
          + " topic2, topic3, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPSERT_ACCOUNT =
      "INSERT INTO accounts (address, nonce, balance, storage_root, code_hash)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET nonce = EXCLUDED.nonce,"
          + " balance = EXCLUDED.balance, storage_root = EXCLUDED.storage_root,"
          + " code_hash = EXCLUDED.code_hash";
  private static final String DELETE_ACCOUNT = "DELETE FROM accounts WHERE address = ?";
  private static final String CLEAR_STORAGE = "DELETE FROM storage WHERE address = ?";
  private static final String UPSERT_SLOT =
      "INSERT INTO storage (address, slot, value) VALUES (?, ?, ?)"
          + " ON CONFLICT (address, slot) DO UPDATE SET value = EXCLUDED.value";
  private static final String DELETE_SLOT = "DELETE FROM storage WHERE address = ? AND slot = ?";

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
          write(connection, genesis);
        },
        "genesis");
  }

  /**
   * Writes a sealed block in one transaction: its {@code blocks} row, transactions, receipts and
   * logs, its state changes, and the deletion of its pool rows.
   *
   * @throws ChainStoreException if the transaction did not commit (nothing was written then)
   */
  public void persist(SealedBlock sealed) {
    inTransaction(connection -> write(connection, sealed), "block " + sealed.block().number());
  }

  /** The header of the highest block, decoded from its stored RLP. */
  public Optional<BlockHeader> head() {
    return query(
        "SELECT number, header_rlp FROM blocks ORDER BY number DESC LIMIT 1",
        rs -> {
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
        },
        "head");
  }

  /** The number of the stored block with this hash, if there is one. */
  public Optional<Long> blockNumber(Hash hash) {
    return query(
        "SELECT number FROM blocks WHERE hash = ?",
        statement -> statement.setBytes(1, hash.bytes().toArray()),
        rs -> rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty(),
        "block number by hash");
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

  private static void write(Connection connection, SealedBlock sealed) throws SQLException {
    Block block = sealed.block();
    insertBlock(connection, block);
    insertTransactions(connection, block.number(), sealed.included());
    insertReceiptsAndLogs(connection, block.number(), sealed.included());
    writeState(connection, sealed);
    PoolStore.deleteBatch(connection, sealed.poolDeletes());
  }

  private static void insertBlock(Connection connection, Block block) throws SQLException {
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
      insert.executeUpdate();
    }
  }

  private static void insertTransactions(
      Connection connection, long number, List<ExecutedTransaction> included) throws SQLException {
    if (included.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_TX)) {
      for (int i = 0; i < included.size(); i++) {
        ExecutedTransaction executed = included.get(i);
        Transaction tx = executed.transaction().transaction();
        insert.setBytes(1, executed.transaction().hash().bytes().toArray());
        insert.setLong(2, number);
        insert.setInt(3, i);
        insert.setShort(4, (short) tx.type().typeByte().orElse(0).intValue());
        insert.setBytes(5, executed.transaction().sender().bytes().toArray());
        insert.setLong(6, nonce(tx));
        Optional<Address> to = tx.recipient();
        if (to.isPresent()) {
          insert.setBytes(7, to.get().bytes().toArray());
        } else {
          insert.setNull(7, Types.BINARY);
        }
        insert.setBigDecimal(8, new BigDecimal(tx.value().value()));
        insert.setLong(9, tx.gasLimit());
        insert.setBytes(10, tx.encoded().toArray());
        insert.addBatch();
      }
      insert.executeBatch();
    }
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

  private static void insertReceiptsAndLogs(
      Connection connection, long number, List<ExecutedTransaction> included) throws SQLException {
    if (included.isEmpty()) {
      return;
    }
    try (PreparedStatement receipts = connection.prepareStatement(INSERT_RECEIPT);
        PreparedStatement logs = connection.prepareStatement(INSERT_LOG)) {
      int logIndex = 0;
      for (int i = 0; i < included.size(); i++) {
        ExecutedTransaction executed = included.get(i);
        Receipt receipt = executed.receipt();
        byte[] txHash = executed.transaction().hash().bytes().toArray();
        receipts.setBytes(1, txHash);
        receipts.setLong(2, number);
        receipts.setInt(3, i);
        receipts.setShort(4, (short) (receipt.status() == ReceiptStatus.SUCCESS ? 1 : 0));
        receipts.setLong(5, executed.gasUsed());
        receipts.setLong(6, receipt.cumulativeGasUsed());
        receipts.setBigDecimal(7, new BigDecimal(executed.effectiveGasPrice().value()));
        receipts.setBytes(8, receipt.logsBloom().bytes().toArray());
        receipts.setBytes(9, receipt.encoded().toArray());
        receipts.addBatch();
        for (Log log : receipt.logs()) {
          logs.setLong(1, number);
          logs.setInt(2, logIndex++);
          logs.setBytes(3, txHash);
          logs.setInt(4, i);
          logs.setBytes(5, log.address().bytes().toArray());
          for (int t = 0; t < Log.MAX_TOPICS; t++) {
            if (t < log.topics().size()) {
              logs.setBytes(6 + t, log.topics().get(t).bytes().toArray());
            } else {
              logs.setNull(6 + t, Types.BINARY);
            }
          }
          logs.setBytes(10, log.data().toArray());
          logs.addBatch();
        }
      }
      receipts.executeBatch();
      if (logIndex > 0) {
        logs.executeBatch();
      }
    }
  }

  /**
   * Applies the diff to the flat rows in {@link AccountChange}'s order: clear storage, write slots
   * (zero deletes), then the account record (as the world state computed it, with its storage
   * root).
   */
  private static void writeState(Connection connection, SealedBlock sealed) throws SQLException {
    try (PreparedStatement clear = connection.prepareStatement(CLEAR_STORAGE);
        PreparedStatement upsertSlot = connection.prepareStatement(UPSERT_SLOT);
        PreparedStatement deleteSlot = connection.prepareStatement(DELETE_SLOT);
        PreparedStatement upsertAccount = connection.prepareStatement(UPSERT_ACCOUNT);
        PreparedStatement deleteAccount = connection.prepareStatement(DELETE_ACCOUNT)) {
      for (Map.Entry<Address, AccountChange> entry : sealed.diff().changes().entrySet()) {
        byte[] address = entry.getKey().bytes().toArray();
        AccountChange change = entry.getValue();
        if (change.storageCleared()) {
          clear.setBytes(1, address);
          clear.addBatch();
        }
        for (Map.Entry<Hash, Word> slot : change.storage().entrySet()) {
          PreparedStatement target = slot.getValue().isZero() ? deleteSlot : upsertSlot;
          target.setBytes(1, address);
          target.setBytes(2, slot.getKey().bytes().toArray());
          if (!slot.getValue().isZero()) {
            target.setBytes(3, slot.getValue().bytes().toArray());
          }
          target.addBatch();
        }
        Optional<Account> after = sealed.accounts().get(entry.getKey());
        if (after.isPresent()) {
          Account account = after.get();
          upsertAccount.setBytes(1, address);
          upsertAccount.setLong(2, account.nonce());
          upsertAccount.setBigDecimal(3, new BigDecimal(account.balance().value()));
          upsertAccount.setBytes(4, account.storageRoot().bytes().toArray());
          upsertAccount.setBytes(5, account.codeHash().bytes().toArray());
          upsertAccount.addBatch();
        } else {
          if (!(change.write() instanceof AccountWrite.Deleted)) {
            // Absent after the block without an explicit delete: drop any leftover storage too.
            clear.setBytes(1, address);
            clear.addBatch();
          }
          deleteAccount.setBytes(1, address);
          deleteAccount.addBatch();
        }
      }
      // Order matters: clears before slot writes; account rows are independent of slots.
      clear.executeBatch();
      deleteSlot.executeBatch();
      upsertSlot.executeBatch();
      upsertAccount.executeBatch();
      deleteAccount.executeBatch();
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
    return query(sql, statement -> {}, read, what);
  }

  private <T> T query(String sql, SqlBind bind, SqlRead<T> read, String what) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(10_000);
      bind.bind(statement);
      try (ResultSet rs = statement.executeQuery()) {
        return read.read(rs);
      }
    } catch (SQLException e) {
      throw new ChainStoreException("could not read " + what, e);
    }
  }

  @FunctionalInterface
  private interface SqlBind {
    void bind(PreparedStatement statement) throws SQLException;
  }

  @FunctionalInterface
  private interface SqlRead<T> {
    T read(ResultSet rs) throws SQLException;
  }
}
