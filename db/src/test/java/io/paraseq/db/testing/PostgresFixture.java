package io.paraseq.db.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL schema for one test class, on a real server.
 *
 * <p>Where the server comes from, in order:
 *
 * <ol>
 *   <li>{@code PARASEQ_TEST_DB_URL} (environment) or {@code paraseq.test.db.url} (system property):
 *       a JDBC URL;
 *   <li>a Testcontainers PostgreSQL, when a Docker engine is present (one container per JVM);
 *   <li>{@value #DEFAULT_URL}.
 * </ol>
 *
 * <p>The schema is created when the fixture is constructed (so Spring's dynamic properties can read
 * {@link #jdbcUrl()} early) and dropped when the test class ends. An unreachable server fails the
 * test class: a missing database never turns into zero tests.
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
 * }</pre>
 */
public final class PostgresFixture implements AfterAllCallback, AutoCloseable {

  /** The server used when nothing else is configured and no Docker engine is present. */
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private static final String IMAGE = "postgres:16-alpine";

  private final String serverUrl;
  private final String schema;
  private boolean dropped;

  private PostgresFixture(String serverUrl, String schema) {
    this.serverUrl = serverUrl;
    this.schema = schema;
  }

  /** Creates a new, empty schema on the test server. */
  public static PostgresFixture freshSchema() {
    String url = ServerHolder.URL;
    String schema =
        "t_"
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                .toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL for tests is not reachable at "
              + redact(url)
              + " ("
              + e.getMessage()
              + "). Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main"
              + " start) or set PARASEQ_TEST_DB_URL.",
          e);
    }
    return new PostgresFixture(url, schema);
  }

  /** The schema of this fixture. */
  public String schema() {
    return schema;
  }

  /** A JDBC URL whose connections use this fixture's schema. */
  public String jdbcUrl() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** A non-pooled data source on this fixture's schema. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl());
    return ds;
  }

  /** Opens a connection on this fixture's schema. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  /** Applies the project's Flyway migrations (classpath:db/migration) to this schema. */
  public PostgresFixture migrate() {
    Flyway.configure()
        .dataSource(dataSource())
        .schemas(schema)
        .defaultSchema(schema)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return this;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Drops the schema, unless {@code PARASEQ_TEST_KEEP_SCHEMAS=true} asks to keep it. */
  @Override
  public synchronized void close() {
    if (dropped || Boolean.parseBoolean(System.getenv("PARASEQ_TEST_KEEP_SCHEMAS"))) {
      return;
    }
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      dropped = true;
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test schema " + schema, e);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** Resolves the server once per JVM (lazy holder: the container starts only if needed). */
  private static final class ServerHolder {
    static final String URL = resolve();

    private static String resolve() {
      Optional<String> configured =
          Optional.ofNullable(System.getenv("PARASEQ_TEST_DB_URL"))
              .or(() -> Optional.ofNullable(System.getProperty("paraseq.test.db.url")))
              .filter(s -> !s.isBlank());
      if (configured.isPresent()) {
        return configured.get();
      }
      if (dockerEngineLikely()) {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        String base = container.getJdbcUrl();
        return base
            + (base.contains("?") ? "&" : "?")
            + "user="
            + container.getUsername()
            + "&password="
            + container.getPassword();
      }
      return DEFAULT_URL;
    }

    /**
     * Asks Testcontainers only when an engine may exist: without one its probe is slow and logs an
     * error line that is pure noise.
     */
    private static boolean dockerEngineLikely() {
      boolean hint =
          System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
      return hint && org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }
  }
}
