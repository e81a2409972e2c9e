package io.paraseq.sequencer.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one database transaction: the one place the stores commit, roll back and restore the
 * connection's auto-commit mode. Each store wraps the {@link SQLException} in its own exception
 * type.
 */
final class JdbcTransaction {

  /** Work inside the transaction, on its connection. */
  @FunctionalInterface
  interface Work {
    void run(Connection connection) throws SQLException;
  }

  /** PostgreSQL's SQLSTATE for a unique or primary key violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private JdbcTransaction() {}

  /** Whether {@code e} is a unique or primary key violation (the transaction was rolled back). */
  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  /**
   * Commits {@code work} as one transaction, or rolls it back when it throws (a failed rollback is
   * attached as suppressed) and rethrows.
   */
  static void run(DataSource dataSource, Work work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        try {
          connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
          // The connection is broken; the pool discards it. The outcome stands.
        }
      }
    }
  }
}
