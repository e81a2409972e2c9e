package io.paraseq.sequencer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.db.testing.PostgresFixture;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The binary COPY rows as PostgreSQL reads them back: every field type the stores send, numerics
 * across base-10,000 digit boundaries up to 2^256 - 1, NULLs, and a failed copy that leaves the
 * transaction to the caller.
 */
class BinaryCopyIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  private static final List<String> COLUMNS = List.of("n", "b", "i8", "i4", "i2", "t");

  @BeforeEach
  void table() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS copy_probe");
      s.execute(
          "CREATE TABLE copy_probe (id BIGSERIAL, n NUMERIC(78, 0), b BYTEA, i8 BIGINT,"
              + " i4 INTEGER, i2 SMALLINT, t TIMESTAMPTZ, u uint256, PRIMARY KEY (id))");
    }
  }

  @Test
  void numericsRoundTripAcrossDigitBoundaries() throws SQLException {
    List<BigInteger> values = new ArrayList<>();
    for (String v :
        List.of(
            "0",
            "1",
            "9999",
            "10000",
            "10001",
            "99990000",
            "100000000",
            "123456789012",
            "9223372036854775807",
            "9223372036854775808",
            "11550000000000000055",
            "1000000000000000000000000",
            "-1",
            "-10000",
            "-9223372036854775809")) {
      values.add(new BigInteger(v));
    }
    values.add(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
    values.add(BigInteger.TEN.pow(77));

    try (Connection c = db.connect()) {
      BinaryCopy copy = new BinaryCopy("copy_probe", List.of("n"), 16);
      values.forEach(v -> copy.row().numeric(v));
      assertThat(copy.execute(c)).isEqualTo(values.size());
      assertThat(column(c, "n").stream().map(o -> ((BigDecimal) o).toBigIntegerExact()))
          .containsExactlyElementsOf(values);
      // Stored as PostgreSQL's own form: equal to the same value written as text.
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT count(*) FROM copy_probe WHERE n::text <> trim(n::text)")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void everyFieldTypeAndNullRoundTrip() throws SQLException {
    Instant at = Instant.parse("2026-11-26T12:34:56.123456789Z");
    Instant before2000 = Instant.parse("1999-12-31T23:59:59.999999Z");
    try (Connection c = db.connect()) {
      BinaryCopy copy = new BinaryCopy("copy_probe", COLUMNS, 0);
      copy.row()
          .numeric(BigInteger.valueOf(42))
          .bytea(new byte[] {0, 1, (byte) 0xff})
          .int8(Long.MIN_VALUE)
          .int4(Integer.MAX_VALUE)
          .int2(Short.MIN_VALUE)
          .timestamptz(at);
      copy.row().nullField().nullableBytea(null).int8(-1).int4(-1).int2((short) 7);
      copy.timestamptz(before2000);
      assertThat(copy.rows()).isEqualTo(2);
      assertThat(copy.execute(c)).isEqualTo(2);

      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT n, b, i8, i4, i2, t FROM copy_probe ORDER BY id")) {
        rs.next();
        assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("42");
        assertThat(rs.getBytes(2)).containsExactly(0, 1, 0xff);
        assertThat(rs.getLong(3)).isEqualTo(Long.MIN_VALUE);
        assertThat(rs.getInt(4)).isEqualTo(Integer.MAX_VALUE);
        assertThat(rs.getShort(5)).isEqualTo(Short.MIN_VALUE);
        // Rounded to the microsecond, as PostgreSQL rounds a text timestamp.
        assertThat(rs.getTimestamp(6).toInstant())
            .isEqualTo(Instant.parse("2026-11-26T12:34:56.123457Z"));
        rs.next();
        assertThat(rs.getBigDecimal(1)).isNull();
        assertThat(rs.getBytes(2)).isNull();
        assertThat(rs.getLong(3)).isEqualTo(-1);
        assertThat(rs.getShort(5)).isEqualTo((short) 7);
        assertThat(rs.getTimestamp(6).toInstant()).isEqualTo(before2000);
      }
    }
  }

  @Test
  void aDomainCheckFailsTheCopyWithTheServersError() throws SQLException {
    try (Connection c = db.connect()) {
      BinaryCopy copy = new BinaryCopy("copy_probe", List.of("u"), 0);
      copy.row().numeric(BigInteger.TWO.pow(256));
      assertThatThrownBy(() -> copy.execute(c))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("uint256");
      assertThat(column(c, "u")).isEmpty();
    }
  }

  @Test
  void anIncompleteRowIsRefusedBeforeAnythingIsSent() throws SQLException {
    BinaryCopy copy = new BinaryCopy("copy_probe", COLUMNS, 0);
    copy.row().numeric(BigInteger.ONE);
    assertThatThrownBy(copy::row).isInstanceOf(IllegalStateException.class);
    try (Connection c = db.connect()) {
      assertThatThrownBy(() -> copy.execute(c)).isInstanceOf(IllegalStateException.class);
      assertThat(column(c, "n")).isEmpty();
    }
    BinaryCopy full = new BinaryCopy("copy_probe", List.of("n"), 0);
    full.row().numeric(BigInteger.ONE);
    assertThatThrownBy(() -> full.int8(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void noRowsSendNothing() throws SQLException {
    try (Connection c = db.connect()) {
      assertThat(new BinaryCopy("no_such_table", List.of("n"), 0).execute(c)).isZero();
    }
  }

  private static List<Object> column(Connection c, String name) throws SQLException {
    List<Object> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + name + " FROM copy_probe ORDER BY id")) {
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
    }
    return values;
  }
}
