package io.paraseq.sequencer.verifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.batcher.derive.Verifier;
import io.paraseq.sequencer.ParaseqApplication;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A second node in the test's JVM, in the verifier role (the real application, its own context,
 * schema and port), for tests that run a sequencer next to it.
 */
final class VerifierNode implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final Web3j rpc;

  private VerifierNode(ConfigurableApplicationContext context) {
    this.context = context;
    this.rpc = Web3j.build(new HttpService("http://127.0.0.1:" + port() + "/"));
  }

  /**
   * Starts a verifier with {@code properties} on top of the role, a random port and a fast poll.
   * They are passed as command-line arguments, which outrank application.yml (as default
   * properties, {@code spring.datasource.url} would lose to the file's and the verifier would use
   * the {@code postgres} database instead of the test's).
   */
  static VerifierNode start(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>();
    all.put("paraseq.role", "verifier");
    all.put("server.port", "0");
    all.put("paraseq.verifier.poll-interval", "200ms");
    all.put("paraseq.verifier.confirmation-depth", "1");
    all.put("paraseq.producer.block-interval", "100ms");
    all.putAll(properties);
    String[] args =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new VerifierNode(new SpringApplicationBuilder(ParaseqApplication.class).run(args));
  }

  int port() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  Web3j rpc() {
    return rpc;
  }

  Verifier verifier() {
    return context.getBean(Verifier.class);
  }

  /** The verifier's own database (its schema, as the application resolved its data source). */
  JdbcTemplate jdbc() {
    return new JdbcTemplate(context.getBean(DataSource.class));
  }

  double gauge(String name) {
    return context.getBean(MeterRegistry.class).get(name).gauge().value();
  }

  double counter(String name) {
    return context.getBean(MeterRegistry.class).get(name).counter().count();
  }

  @Override
  public void close() {
    rpc.shutdown();
    context.close();
  }
}
