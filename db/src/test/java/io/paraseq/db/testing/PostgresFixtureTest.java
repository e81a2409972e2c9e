package io.paraseq.db.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresFixtureTest {

  @Test
  void eachFixtureHasItsOwnSchemaAndDropsIt() throws SQLException {
    try (PostgresFixture a = PostgresFixture.freshSchema();
        PostgresFixture b = PostgresFixture.freshSchema()) {
      assertThat(a.schema()).isNotEqualTo(b.schema());
      try (Connection c = a.connect()) {
        c.createStatement().execute("CREATE TABLE only_in_a (x INT)");
      }
      try (Connection c = b.connect();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(*) FROM information_schema.tables WHERE table_name ="
                          + " 'only_in_a' AND table_schema = current_schema()")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
      a.close();
      try (Connection c = b.connect();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                          + a.schema()
                          + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }
}
