package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The submitter's retry, counting and ordering rules against a scripted JSON-RPC endpoint (a JDK
 * HTTP server answering each call as the test says). The real targets are exercised by {@code
 * LoadGeneratorIT}; this covers the refusal paths a healthy target rarely takes.
 */
class SubmitterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private final List<Integer> received = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void resendsBackPressureInNonceOrderAndCountsEveryOutcome() {
    Workload workload = workload(60, 6, 3);
    Map<Integer, Integer> attempts = new ConcurrentHashMap<>();
    URI url =
        serve(
            (id, hash) -> {
              int attempt = attempts.merge(id, 1, Integer::sum);
              if (id % 4 == 1 && attempt <= 2) {
                return error(-32000, "txpool is full");
              }
              if (id == 10) {
                return error(-32005, "transaction ingress is busy, try again later");
              }
              if (id == 20 || id == 41) {
                return error(-32000, "nonce too low: next nonce 9, tx nonce 3");
              }
              if (id == 33) {
                return ok("0x" + "00".repeat(32));
              }
              return ok(hash);
            });
    TxTimes times = new TxTimes(workload.size());
    SubmitStats stats;
    try (RpcClient rpc = new RpcClient(url, Duration.ofSeconds(10))) {
      stats =
          new Submitter(rpc, workload, new Schedule.ClosedLoop(), 7, Duration.ofSeconds(1), times)
              .run(System.nanoTime());
    }

    // 15 ids ≡ 1 mod 4 are refused twice each; id 10 is refused until the lane gives up.
    assertThat(stats.retried()).containsEntry("txpool is full", 30L);
    assertThat(stats.retried().get("transaction ingress is busy, try again later"))
        .isGreaterThan(1);
    assertThat(stats.rejected())
        .containsEntry("nonce too low", 2L)
        .containsEntry("acknowledged with a wrong hash", 1L)
        .containsKey("gave up after 1 s of back-pressure");
    long gaveUp = stats.rejected().get("gave up after 1 s of back-pressure");
    assertThat(stats.submitted()).isEqualTo(60);
    assertThat(stats.accepted()).isEqualTo(60 - 2 - 1 - gaveUp);
    assertThat(stats.accepted()).isEqualTo(acknowledged(times));

    // Per sender, a transaction is never sent before a lower nonce of its sender was sent.
    NoncePlan plan = workload.plan();
    Map<Integer, Long> highestSent = new HashMap<>();
    for (int id : List.copyOf(received)) {
      long nonce = plan.nonce(id);
      Long highest = highestSent.get(plan.sender(id));
      assertThat(highest == null ? nonce == 0 : nonce <= highest + 1)
          .as("transaction %d (nonce %d) after nonce %s", id, nonce, highest)
          .isTrue();
      highestSent.merge(plan.sender(id), nonce, Math::max);
    }
  }

  @Test
  void aTargetThatStopsAnsweringStallsTheLaneWithoutFailingTheRun() {
    Workload workload = workload(20, 1, 1);
    URI url =
        serve(
            (id, hash) -> {
              if (id == 5) {
                awaitRelease();
              }
              return ok(hash);
            });
    TxTimes times = new TxTimes(workload.size());
    SubmitStats stats;
    try (RpcClient rpc = new RpcClient(url, Duration.ofSeconds(1))) {
      stats =
          new Submitter(rpc, workload, new Schedule.ClosedLoop(), 5, Duration.ofSeconds(30), times)
              .run(System.nanoTime());
    }
    assertThat(stats.accepted()).isEqualTo(5);
    assertThat(stats.rejected())
        .containsExactly(
            Map.entry("no reply within 1 s", 5L),
            Map.entry("not sent: the target stopped answering", 10L));
    assertThat(stats.submitted()).isEqualTo(10);
  }

  private static long acknowledged(TxTimes times) {
    long n = 0;
    for (int i = 0; i < times.size(); i++) {
      n += times.acked(i) != TxTimes.UNSET ? 1 : 0;
    }
    return n;
  }

  private static Workload workload(int size, int senders, int lanes) {
    return Workload.sign(
        NoncePlan.of(size, new long[senders], lanes),
        SenderKeys.derive(9, senders),
        i -> Recipients.of(9, i),
        Wei.of(1),
        Fees.ofGwei(2, 1),
        ChainId.of(3195));
  }

  /** Serves JSON-RPC batches, answering call {@code id} (raw hashing to {@code hash}). */
  private URI serve(BiFunction<Integer, String, ObjectNode> answer) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          JsonNode calls = JSON.readTree(exchange.getRequestBody());
          ArrayNode replies = JSON.createArrayNode();
          for (JsonNode call : calls) {
            int id = call.get("id").asInt();
            received.add(id);
            Bytes raw = Bytes.fromHex(call.get("params").get(0).asText());
            ObjectNode reply = answer.apply(id, Hash.keccak(raw).bytes().toHex());
            reply.put("jsonrpc", "2.0").put("id", id);
            replies.add(reply);
          }
          byte[] body = JSON.writeValueAsString(replies).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ObjectNode ok(String hash) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("result", hash);
    return reply;
  }

  private static ObjectNode error(int code, String message) {
    ObjectNode reply = JSON.createObjectNode();
    reply.putObject("error").put("code", code).put("message", message);
    return reply;
  }
}
