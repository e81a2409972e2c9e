package io.paraseq.batcher.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Runs a unit of JDBC work in one database transaction: committed when it returns, rolled back when
 * it throws, the {@link SQLException} turned into the caller's own unchecked exception. The one
 * copy of this for the batcher's stores.
 */
public final class SqlTransactions {

  private SqlTransactions() {}

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  public interface SqlWork<T> {
    /** Does the work; the caller commits or rolls back. */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction on a connection of {@code dataSource}.
   *
   * @param failure turns a database failure into the store's exception
   * @return what {@code work} returned, after the commit
   */
  public static <T> T inTransaction(
      DataSource dataSource, SqlWork<T> work, Function<SQLException, RuntimeException> failure) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure.apply(e);
    }
  }
}
