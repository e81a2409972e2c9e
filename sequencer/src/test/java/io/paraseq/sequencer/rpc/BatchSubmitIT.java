package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-RPC batches of {@code eth_sendRawTransaction} on the real application (fresh PostgreSQL
 * schema, anvil as L1, blocks every 100 ms): every transaction of a batch is acknowledged with its
 * hash, the batch shares a few group commits of the pool writer instead of one commit per call, and
 * every acknowledged transaction is included — one sender's nonces in nonce order, although the
 * ingress workers verify them in parallel. Each test uses its own development accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchSubmitIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final Duration INCLUSION_TIMEOUT = Duration.ofSeconds(60);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
  }

  private static HttpClient http;

  @BeforeAll
  static void client() {
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void closeClient() {
    http.close();
  }

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @Test
  void aBatchOfTwoHundredTransfersSharesAFewGroupCommitsAndIsIncluded() throws Exception {
    List<String> raws = new ArrayList<>();
    for (int nonce = 0; nonce < 40; nonce++) {
      for (int sender = 1; sender <= 5; sender++) {
        raws.add(ReadClient.dynamic(sender, nonce));
      }
    }
    DistributionSummary batches = meters.get("paraseq.ingress.batch.size").summary();
    long commitsBefore = batches.count();
    double committedBefore = batches.totalAmount();

    List<String> hashes = sendBatch(raws);

    long commits = batches.count() - commitsBefore;
    assertThat(batches.totalAmount() - committedBefore).isEqualTo(raws.size());
    // One call after the other, each waiting for its commit, took one commit per transaction.
    assertThat(commits)
        .as("group commits for %d transactions", raws.size())
        .isLessThanOrEqualTo(40);
    System.out.println("batch of " + raws.size() + " in commits=" + commits);
    awaitReceipts(hashes);
  }

  @Test
  void oneSendersNoncesInOneBatchAreAllAcknowledgedAndIncludedInOrder() throws Exception {
    List<String> raws = new ArrayList<>();
    for (int nonce = 0; nonce < 50; nonce++) {
      raws.add(ReadClient.dynamic(6, nonce));
    }
    List<String> hashes = sendBatch(raws);

    List<JsonNode> receipts = awaitReceipts(hashes);
    long previous = -1;
    for (JsonNode receipt : receipts) {
      assertThat(receipt.path("status").asString()).isEqualTo("0x1");
      long position =
          (Long.decode(receipt.path("blockNumber").asString()) << 20)
              + Long.decode(receipt.path("transactionIndex").asString());
      assertThat(position).isGreaterThan(previous);
      previous = position;
    }
  }

  /** Sends the transactions as one JSON-RPC batch; asserts each is acknowledged with its hash. */
  private List<String> sendBatch(List<String> raws) throws IOException, InterruptedException {
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      calls.add(call(i, "eth_sendRawTransaction", "\"" + raws.get(i) + "\""));
    }
    JsonNode replies = post(calls);
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      JsonNode reply = replies.get(i);
      assertThat(reply.path("id").asInt()).isEqualTo(i);
      assertThat(reply.has("error")).as("%s", reply).isFalse();
      assertThat(reply.path("result").asString()).isEqualTo(ReadClient.hashOf(raws.get(i)));
      hashes.add(reply.path("result").asString());
    }
    return hashes;
  }

  /** Polls the receipts, in one batch per round, until every one is there; in the given order. */
  private List<JsonNode> awaitReceipts(List<String> hashes)
      throws IOException, InterruptedException {
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < hashes.size(); i++) {
      calls.add(call(i, "eth_getTransactionReceipt", "\"" + hashes.get(i) + "\""));
    }
    long deadline = System.nanoTime() + INCLUSION_TIMEOUT.toNanos();
    while (true) {
      JsonNode replies = post(calls);
      List<JsonNode> receipts = new ArrayList<>();
      for (JsonNode reply : replies) {
        assertThat(reply.has("error")).as("%s", reply).isFalse();
        if (!reply.path("result").isNull()) {
          receipts.add(reply.path("result"));
        }
      }
      if (receipts.size() == hashes.size()) {
        return receipts;
      }
      assertThat(System.nanoTime())
          .as("%d of %d included", receipts.size(), hashes.size())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static String call(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":["
        + params
        + "]}";
  }

  private JsonNode post(List<String> calls) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", calls) + "]"))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode replies = JsonMapper.shared().readTree(response.body());
    assertThat(replies.size()).isEqualTo(calls.size());
    return replies;
  }
}
