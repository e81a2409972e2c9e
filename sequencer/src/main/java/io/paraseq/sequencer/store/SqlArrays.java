package io.paraseq.sequencer.store;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Column values bound as PostgreSQL arrays, for set-based writes: {@code INSERT … SELECT * FROM
 * unnest(?, ?, …)} and {@code DELETE … WHERE key = ANY(?)} write a whole block's rows with one
 * statement execution per table instead of one per row (measured on a 1,000-transfer block, on a
 * busy 2-core machine: persist 85 ms → 55 ms). Elements may be {@code null} (SQL NULL).
 */
final class SqlArrays {

  private SqlArrays() {}

  /** Binds {@code values} as a {@code bytea[]} parameter. */
  static void bytea(Connection connection, PreparedStatement statement, int index, byte[][] values)
      throws SQLException {
    bind(connection, statement, index, "bytea", values);
  }

  /** Binds {@code values} as a {@code bigint[]} parameter. */
  static void int8(Connection connection, PreparedStatement statement, int index, Long[] values)
      throws SQLException {
    bind(connection, statement, index, "int8", values);
  }

  /** Binds {@code values} as an {@code integer[]} parameter. */
  static void int4(Connection connection, PreparedStatement statement, int index, Integer[] values)
      throws SQLException {
    bind(connection, statement, index, "int4", values);
  }

  /** Binds {@code values} as a {@code smallint[]} parameter. */
  static void int2(Connection connection, PreparedStatement statement, int index, Short[] values)
      throws SQLException {
    bind(connection, statement, index, "int2", values);
  }

  /** Binds {@code values} as a {@code numeric[]} parameter. */
  static void numeric(
      Connection connection, PreparedStatement statement, int index, BigDecimal[] values)
      throws SQLException {
    bind(connection, statement, index, "numeric", values);
  }

  /** Binds {@code values} as a {@code timestamptz[]} parameter. */
  static void timestamptz(
      Connection connection, PreparedStatement statement, int index, Timestamp[] values)
      throws SQLException {
    bind(connection, statement, index, "timestamptz", values);
  }

  /** Runs {@code sql}, a {@code DELETE … WHERE key = ANY(?)}, for {@code keys} unless empty. */
  static void deleteWhereAny(Connection connection, String sql, List<byte[]> keys)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      bytea(connection, delete, 1, keys.toArray(byte[][]::new));
      delete.executeUpdate();
    }
  }

  private static void bind(
      Connection connection, PreparedStatement statement, int index, String type, Object[] values)
      throws SQLException {
    Array array = connection.createArrayOf(type, values);
    statement.setArray(index, array);
  }
}
