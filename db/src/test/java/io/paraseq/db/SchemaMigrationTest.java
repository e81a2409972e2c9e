package io.paraseq.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.db.testing.PostgresFixture;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migrations apply to an empty schema, and the schema rejects rows the node must never write.
 */
class SchemaMigrationTest {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  @BeforeEach
  void emptyTables() throws SQLException {
    try (Connection c = db.connect()) {
      c.createStatement()
          .execute("TRUNCATE logs, transactions, blocks, pool_transactions, chain_info");
    }
  }

  @Test
  void everyMigrationIsAppliedAndValidates() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(db.dataSource())
            .schemas(db.schema())
            .defaultSchema(db.schema())
            .load();
    MigrationInfo[] applied = flyway.info().applied();
    assertThat(applied).isNotEmpty();
    assertThat(applied).allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
    assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
  }

  @Test
  void createsTheTablesTheNodeNeeds() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                    + " ORDER BY table_name")) {
      ps.setString(1, db.schema());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    assertThat(tables)
        .contains("blocks", "transactions", "logs", "pool_transactions", "chain_info")
        .as("V8 keeps receipts in the transactions rows")
        .doesNotContain("receipts");
  }

  @Test
  void acceptsAWellFormedBlockAndRejectsMalformedHashes() throws SQLException {
    try (Connection c = db.connect()) {
      insertBlock(c, 0, bytes(32, 1));
      assertThatThrownBy(() -> insertBlock(c, 1, bytes(31, 2)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("hash32");
    }
  }

  @Test
  void rejectsAmountsOutsideUint256() throws SQLException {
    BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    try (Connection c = db.connect()) {
      insertBlock(c, 1, bytes(32, 1));
      insertTx(c, bytes(32, 1), 0, max, 21_000, 21_000);
      assertThatThrownBy(() -> insertTx(c, bytes(32, 2), 1, max.add(BigInteger.ONE), 0, 0))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("uint256");
      assertThatThrownBy(() -> insertTx(c, bytes(32, 3), 2, BigInteger.ONE.negate(), 0, 0))
          .isInstanceOf(SQLException.class);
    }
  }

  /** A transaction row carries its receipt (V8): cumulative gas covers the row's own gas. */
  @Test
  void aTransactionRowCarriesAConsistentReceipt() throws SQLException {
    try (Connection c = db.connect()) {
      insertBlock(c, 1, bytes(32, 1));
      insertTx(c, bytes(32, 1), 0, BigInteger.TEN, 21_000, 42_000);
      assertThatThrownBy(() -> insertTx(c, bytes(32, 2), 1, BigInteger.TEN, 21_000, 20_999))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("transactions_cumulative_gas_used_check");
      assertThatThrownBy(() -> insertTx(c, bytes(32, 1), 2, BigInteger.TEN, 21_000, 63_000))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("transactions_pkey");
    }
  }

  /**
   * Each index costs every block's or pool batch's writes; V3 keeps only those a query uses (the
   * statements in the sequencer's {@code store} package), so a new one must be added on purpose.
   */
  @Test
  void keepsOnlyTheIndexesTheQueriesUse() throws SQLException {
    List<String> indexes = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT indexname FROM pg_indexes WHERE schemaname = ?"
                    + " AND tablename <> 'flyway_schema_history' ORDER BY indexname")) {
      ps.setString(1, db.schema());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          indexes.add(rs.getString(1));
        }
      }
    }
    assertThat(indexes)
        .containsExactlyInAnyOrder(
            "accounts_pkey",
            "address_registry_address_key", // V10: an address is registered once
            "address_registry_pkey",
            "batch_events_pkey",
            "batch_events_seq",
            "batches_first_block_key",
            "batches_intent_id_key",
            "batches_open",
            "batches_pkey",
            "blocks_hash_key",
            "blocks_pkey",
            "chain_info_pkey",
            "l1_transactions_intent_id_key",
            "l1_transactions_open",
            "l1_transactions_pkey",
            "l1_transactions_sender_nonce",
            "l1_tx_attempts_l1_tx_id_attempt_key",
            "l1_tx_attempts_pkey",
            "l1_tx_events_pkey",
            "l1_tx_events_tx",
            "logs_address_block",
            "logs_pkey",
            "logs_topic0_block",
            "pool_transactions_pkey",
            "storage_pkey",
            "transactions_block_number_tx_index_key",
            "transactions_pkey",
            "verifier_cursor_pkey");
  }

  /** The address registry (V10) holds each address once, at one index. */
  @Test
  void theAddressRegistryHoldsEachAddressOnce() throws SQLException {
    try (Connection c = db.connect()) {
      registerAddress(c, 0, bytes(20, 1));
      registerAddress(c, 1, bytes(20, 2));
      assertThatThrownBy(() -> registerAddress(c, 2, bytes(20, 1)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("address_registry_address_key");
      assertThatThrownBy(() -> registerAddress(c, 1, bytes(20, 3)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("address_registry_pkey");
      assertThatThrownBy(() -> registerAddress(c, 3, bytes(19, 3)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("address20");
    }
  }

  private static void registerAddress(Connection c, long idx, byte[] address) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO address_registry (idx, address) VALUES (?, ?)")) {
      ps.setLong(1, idx);
      ps.setBytes(2, address);
      ps.executeUpdate();
    }
  }

  /** The L1 transaction manager (V5) can never hold two payloads for one sender and nonce. */
  @Test
  void allowsOneL1TransactionPerSenderAndNonce() throws SQLException {
    try (Connection c = db.connect()) {
      c.createStatement().execute("TRUNCATE l1_tx_events, l1_tx_attempts, l1_transactions");
      insertL1Tx(c, "batch-0", 5L);
      insertL1Tx(c, "batch-1", null);
      insertL1Tx(c, "batch-2", null);
      assertThatThrownBy(() -> insertL1Tx(c, "batch-3", 5L))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("l1_transactions_sender_nonce");
      assertThatThrownBy(() -> insertL1Tx(c, "batch-0", 6L))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("l1_transactions_intent_id_key");
    }
  }

  /**
   * The batches (V6): one row per seq and per first block; inclusion columns only when included.
   */
  @Test
  void batchesAreUniqueBySeqAndFirstBlockAndCarryTheirInclusion() throws SQLException {
    try (Connection c = db.connect()) {
      c.createStatement().execute("TRUNCATE batch_events, batches");
      insertBatch(c, 0, 1, "built", false);
      insertBatch(c, 1, 3, "confirmed", true);
      assertThatThrownBy(() -> insertBatch(c, 1, 5, "built", false))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("batches_pkey");
      assertThatThrownBy(() -> insertBatch(c, 2, 3, "built", false))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("batches_first_block_key");
      assertThatThrownBy(() -> insertBatch(c, 3, 7, "included", false))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check");
      assertThatThrownBy(() -> insertBatch(c, 4, 9, "posted", false))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check");
      assertThatThrownBy(() -> insertBatch(c, 5, 0, "built", false))
          .as("block 0 is genesis and in no batch")
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check");
    }
  }

  @Test
  void arrivalOrderIncreases() throws SQLException {
    try (Connection c = db.connect()) {
      insertPoolTx(c, bytes(32, 1));
      insertPoolTx(c, bytes(32, 2));
      try (ResultSet rs =
          c.createStatement()
              .executeQuery("SELECT arrival_seq FROM pool_transactions ORDER BY hash")) {
        rs.next();
        long first = rs.getLong(1);
        rs.next();
        assertThat(rs.getLong(1)).isGreaterThan(first);
      }
    }
  }

  private static void insertBlock(Connection c, long number, byte[] hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO blocks (number, hash, parent_hash, timestamp, state_root,"
                + " transactions_root, receipts_root, logs_bloom, gas_limit, gas_used,"
                + " base_fee_per_gas, fee_recipient, tx_count, header_rlp)"
                + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, 30000000, 0, 1000000000, ?, 0, ?)")) {
      ps.setLong(1, number);
      ps.setBytes(2, hash);
      ps.setBytes(3, bytes(32, 0));
      ps.setBytes(4, bytes(32, 0));
      ps.setBytes(5, bytes(32, 0));
      ps.setBytes(6, bytes(32, 0));
      ps.setBytes(7, bytes(256, 0));
      ps.setBytes(8, bytes(20, 0));
      ps.setBytes(9, new byte[] {(byte) 0xc0});
      ps.executeUpdate();
    }
  }

  private static void insertPoolTx(Connection c, byte[] hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO pool_transactions (hash, sender, raw) VALUES (?, ?, ?)")) {
      ps.setBytes(1, hash);
      ps.setBytes(2, bytes(20, 7));
      ps.setBytes(3, new byte[] {2});
      ps.executeUpdate();
    }
  }

  /** A transfer in block 1 at {@code index}, with its receipt's columns. */
  private static void insertTx(
      Connection c, byte[] hash, int index, BigInteger value, long gasUsed, long cumulative)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO transactions (hash, block_number, tx_index, tx_type, sender, nonce,"
                + " recipient, value, gas_limit, raw, status, gas_used, cumulative_gas_used,"
                + " effective_gas_price) VALUES (?, 1, ?, 2, ?, ?, ?, ?, 21000, ?, 1, ?, ?,"
                + " 1000000000)")) {
      ps.setBytes(1, hash);
      ps.setInt(2, index);
      ps.setBytes(3, bytes(20, 7));
      ps.setLong(4, index);
      ps.setBytes(5, bytes(20, 8));
      ps.setBigDecimal(6, new java.math.BigDecimal(value));
      ps.setBytes(7, new byte[] {2});
      ps.setLong(8, gasUsed);
      ps.setLong(9, cumulative);
      ps.executeUpdate();
    }
  }

  private static void insertBatch(
      Connection c, long seq, long firstBlock, String status, boolean included)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO batches (seq, first_block, last_block, prev_state_root, new_state_root,"
                + " deposit_cursor, data_hash, data, version, codec, tx_count, intent_id, status,"
                + " l1_tx_hash, l1_block, l1_block_hash, built_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 0, ?, ?, 1, 2, 3, ?, ?, ?, ?, ?, now(), now())")) {
      ps.setLong(1, seq);
      ps.setLong(2, firstBlock);
      ps.setLong(3, firstBlock + 1);
      ps.setBytes(4, bytes(32, 1));
      ps.setBytes(5, bytes(32, 2));
      ps.setBytes(6, bytes(32, 3));
      ps.setBytes(7, new byte[] {1, 2, 3});
      ps.setString(8, "batch-" + seq);
      ps.setString(9, status);
      ps.setBytes(10, included ? bytes(32, 4) : null);
      ps.setObject(11, included ? 12L : null);
      ps.setBytes(12, included ? bytes(32, 5) : null);
      ps.executeUpdate();
    }
  }

  private static void insertL1Tx(Connection c, String intent, Long nonce) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO l1_transactions (intent_id, sender, recipient, calldata, gas_limit,"
                + " status, nonce, created_at, updated_at) VALUES (?, ?, ?, ?, 500000, ?, ?,"
                + " now(), now())")) {
      ps.setString(1, intent);
      ps.setBytes(2, bytes(20, 1));
      ps.setBytes(3, bytes(20, 2));
      ps.setBytes(4, new byte[] {1, 2, 3, 4});
      ps.setString(5, nonce == null ? "queued" : "sent");
      ps.setObject(6, nonce);
      ps.executeUpdate();
    }
  }

  private static byte[] bytes(int length, int fill) {
    byte[] b = new byte[length];
    java.util.Arrays.fill(b, (byte) fill);
    return b;
  }
}
