package io.paraseq.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.db.testing.PostgresFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V8 on a database written before it: each receipt's columns land in its transaction's row, the
 * {@code receipts} table is gone, and pending pool rows keep hash, sender, raw and arrival order.
 */
class OneRowPerTransactionMigrationTest {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @Test
  void movesEveryReceiptIntoItsTransactionRow() throws SQLException {
    flyway("6").migrate();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO blocks (number, hash, parent_hash, timestamp, state_root,"
              + " transactions_root, receipts_root, logs_bloom, gas_limit, gas_used,"
              + " base_fee_per_gas, fee_recipient, tx_count, header_rlp) VALUES (1,"
              + " decode(repeat('01', 32), 'hex'), decode(repeat('00', 32), 'hex'), 0,"
              + " decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'),"
              + " decode(repeat('00', 32), 'hex'), decode(repeat('00', 256), 'hex'), 30000000,"
              + " 42000, 7, decode(repeat('00', 20), 'hex'), 2, '\\xc0')");
      for (int i = 0; i < 2; i++) {
        String hash = "decode(repeat('a" + i + "', 32), 'hex')";
        s.execute(
            "INSERT INTO transactions (hash, block_number, tx_index, tx_type, sender, nonce,"
                + " recipient, value, gas_limit, raw) VALUES ("
                + hash
                + ", 1, "
                + i
                + ", 2, decode(repeat('11', 20), 'hex'), "
                + i
                + ", NULL, 5, 21000, '\\x02')");
        s.execute(
            "INSERT INTO receipts (tx_hash, block_number, tx_index, status, gas_used,"
                + " cumulative_gas_used, effective_gas_price, l1_fee, contract_address) VALUES ("
                + hash
                + ", 1, "
                + i
                + ", "
                + i
                + ", 21000, "
                + (21_000 * (i + 1))
                + ", 9, "
                + (100 + i)
                + ", "
                + (i == 0 ? "decode(repeat('22', 20), 'hex')" : "NULL")
                + ")");
      }
      s.execute(
          "INSERT INTO pool_transactions (hash, sender, nonce, tx_type, max_fee_per_gas,"
              + " max_priority_fee_per_gas, gas_limit, value, raw) VALUES"
              + " (decode(repeat('b0', 32), 'hex'), decode(repeat('11', 20), 'hex'), 2, 2, 9, 1,"
              + " 21000, 5, '\\x02')");
    }

    flyway("latest").migrate();

    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT tx_index, status, gas_used, cumulative_gas_used, effective_gas_price,"
                  + " l1_fee, encode(contract_address, 'hex') FROM transactions ORDER BY tx_index")) {
        assertThat(rs.next()).isTrue();
        assertRow(rs, 0, 0, 21_000, 21_000, 9, 100, "22".repeat(20));
        assertThat(rs.next()).isTrue();
        assertRow(rs, 1, 1, 21_000, 42_000, 9, 101, null);
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = s.executeQuery("SELECT to_regclass('receipts') IS NULL")) {
        rs.next();
        assertThat(rs.getBoolean(1)).as("receipts table dropped").isTrue();
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT encode(sender, 'hex'), raw, arrival_seq > 0 FROM pool_transactions")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("11".repeat(20));
        assertThat(rs.getBytes(2)).containsExactly(2);
        assertThat(rs.getBoolean(3)).isTrue();
      }
    }
  }

  private static void assertRow(
      ResultSet rs,
      int index,
      int status,
      long gasUsed,
      long cumulative,
      long price,
      long l1Fee,
      String contract)
      throws SQLException {
    assertThat(rs.getInt(1)).isEqualTo(index);
    assertThat(rs.getInt(2)).isEqualTo(status);
    assertThat(rs.getLong(3)).isEqualTo(gasUsed);
    assertThat(rs.getLong(4)).isEqualTo(cumulative);
    assertThat(rs.getLong(5)).isEqualTo(price);
    assertThat(rs.getLong(6)).isEqualTo(l1Fee);
    assertThat(rs.getString(7)).isEqualTo(contract);
  }

  private static Flyway flyway(String target) {
    return Flyway.configure()
        .dataSource(db.dataSource())
        .schemas(db.schema())
        .defaultSchema(db.schema())
        .target(target)
        .load();
  }
}
