package io.paraseq.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.RollupDeployer;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real application, on a fresh PostgreSQL schema and a real anvil L1 holding a deployed Rollup
 * contract: it migrates its schema at start and reports both dependencies healthy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SequencerApplicationIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final byte[] GENESIS_ROOT =
      HexFormat.of().parseHex("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private static Deployment deployment;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    deployment =
        RollupDeployer.deploy(
            anvil.web3j(),
            anvil.credentials(0),
            anvil.credentials(0).getAddress(),
            anvil.credentials(1).getAddress(),
            GENESIS_ROOT,
            Duration.ofSeconds(30));
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.l1.rollup-address", deployment::rollup);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void healthIsUpWithDatabaseAndL1Components() throws Exception {
    HttpResponse<String> response = get("/actuator/health");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JsonMapper.shared().readTree(response.body());
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");

    JsonNode l1 = health.at("/components/l1");
    assertThat(l1.path("status").asString()).isEqualTo("UP");
    assertThat(l1.at("/details/chainId").asLong()).isEqualTo(AnvilFixture.CHAIN_ID);
    assertThat(l1.at("/details/rollup").asString()).isEqualTo(deployment.rollup());
    assertThat(l1.at("/details/rpcUrl").asString()).isEqualTo(anvil.rpcUrl());
  }

  @Test
  void migratesItsOwnSchemaAtStart() {
    List<String> tables =
        jdbc.queryForList(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
            String.class,
            db.schema());
    assertThat(tables)
        .contains(
            "flyway_schema_history",
            "blocks",
            "transactions",
            "logs",
            "pool_transactions",
            "chain_info");
    Integer failed =
        jdbc.queryForObject(
            "SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class);
    assertThat(failed).isZero();
  }

  @Test
  void probesAndPrometheusAreServed() throws Exception {
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    HttpResponse<String> prometheus = get("/actuator/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
