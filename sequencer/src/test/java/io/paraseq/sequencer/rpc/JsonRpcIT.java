package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON-RPC server of the real application (fresh PostgreSQL schema, real anvil L1): web3j as a
 * client for the methods, raw HTTP for every edge of the protocol and the transport. One
 * application context serves the whole class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JsonRpcIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final String KECCAK_HELLO_WORLD =
      "0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad";
  private static final int MAX_BODY = 5 * 1024 * 1024;

  private static HttpClient http;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
  }

  @BeforeAll
  static void client() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void closeClient() {
    http.close();
  }

  @LocalServerPort int port;

  // ---- web3j as the client ----

  @Test
  void web3jReadsTheChainMethods() throws Exception {
    Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    try {
      assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(3195);
      assertThat(web3j.netVersion().send().getNetVersion()).isEqualTo("3195");
      assertThat(web3j.web3ClientVersion().send().getWeb3ClientVersion())
          .matches("Paraseq/v[^/]+/[a-z0-9_]+-[a-z0-9_]+/java\\d+");
      assertThat(web3j.web3Sha3("0x68656c6c6f20776f726c64").send().getResult())
          .isEqualTo(KECCAK_HELLO_WORLD);
      var error = web3j.web3Sha3("0x123").send().getError();
      assertThat(error.getCode()).isEqualTo(-32602);
      assertThat(error.getMessage()).isEqualTo("invalid argument 0: hex string of odd length");
    } finally {
      web3j.shutdown();
    }
  }

  // ---- the protocol ----

  @Test
  void malformedJsonIsAParseError() throws Exception {
    HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",");
    assertThat(response.statusCode()).isEqualTo(200);
    assertError(json(response), "null", -32700, "parse error");
  }

  @Test
  void wrongJsonRpcVersionIsAnInvalidRequest() throws Exception {
    HttpResponse<String> response =
        post("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertError(json(response), "7", -32600, "invalid request");
  }

  @Test
  void unknownMethodUsesGethsText() throws Exception {
    HttpResponse<String> response =
        post("{\"jsonrpc\":\"2.0\",\"id\":\"q\",\"method\":\"eth_getBalancee\",\"params\":[]}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertError(
        json(response),
        "\"q\"",
        -32601,
        "the method eth_getBalancee does not exist/is not available");
  }

  @Test
  void badParamsNameTheArgument() throws Exception {
    assertError(
        json(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"ab\"]}")),
        "1",
        -32602,
        "invalid argument 0: hex string without 0x prefix");
    assertError(
        json(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"web3_sha3\",\"params\":[]}")),
        "2",
        -32602,
        "missing value for required argument 0");
    assertError(
        json(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_chainId\",\"params\":[\"x\"]}")),
        "3",
        -32602,
        "too many arguments, want at most 0");
  }

  @Test
  void idsKeepTheirValueAndJsonType() throws Exception {
    for (String id : List.of("\"abc\"", "42", "-1", "18446744073709551616", "2.50", "null")) {
      HttpResponse<String> response =
          post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"eth_chainId\"}");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0xc7b\"}");
    }
  }

  @Test
  void notificationsGetAnEmptyBody() throws Exception {
    HttpResponse<String> single = post("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}");
    assertThat(single.statusCode()).isEqualTo(200);
    assertThat(single.body()).isEmpty();

    HttpResponse<String> batch =
        post(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"no_such_method\"}]");
    assertThat(batch.statusCode()).isEqualTo(200);
    assertThat(batch.body()).isEmpty();

    JsonNode mixed =
        json(
            post(
                "[{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
                    + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"net_version\"}]"));
    assertThat(mixed.size()).isEqualTo(1);
    assertThat(mixed.get(0).path("id").asInt()).isEqualTo(5);
    assertThat(mixed.get(0).path("result").asString()).isEqualTo("3195");
  }

  @Test
  void aBatchOfAThousandIsAnsweredInFull() throws Exception {
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String id = i % 2 == 0 ? Integer.toString(i) : "\"s" + i + "\"";
      String method = i % 3 == 0 ? "net_version" : "eth_chainId";
      calls.add("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"}");
    }
    HttpResponse<String> response = post("[" + String.join(",", calls) + "]");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode replies = json(response);
    assertThat(replies.size()).isEqualTo(1000);
    for (int i = 0; i < 1000; i++) {
      JsonNode reply = replies.get(i);
      if (i % 2 == 0) {
        assertThat(reply.path("id").isNumber()).isTrue();
        assertThat(reply.path("id").asInt()).isEqualTo(i);
      } else {
        assertThat(reply.path("id").asString()).isEqualTo("s" + i);
      }
      assertThat(reply.path("result").asString()).isEqualTo(i % 3 == 0 ? "3195" : "0xc7b");
    }
  }

  @Test
  void aBatchOfAThousandAndOneIsRefused() throws Exception {
    List<String> calls = new ArrayList<>();
    calls.add("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}");
    for (int i = 1; i < 1001; i++) {
      calls.add("{\"jsonrpc\":\"2.0\",\"id\":" + (100 + i) + ",\"method\":\"eth_chainId\"}");
    }
    HttpResponse<String> response = post("[" + String.join(",", calls) + "]");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode replies = json(response);
    assertThat(replies.isArray()).isTrue();
    assertThat(replies.size()).isEqualTo(1);
    assertError(replies.get(0), "101", -32600, "batch too large");
  }

  @Test
  void anEmptyBatchIsOneError() throws Exception {
    HttpResponse<String> response = post("[]");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode reply = json(response);
    assertThat(reply.isObject()).isTrue();
    assertError(reply, "null", -32600, "empty batch");
  }

  // ---- the transport ----

  @Test
  void wrongOrMissingContentTypeIs415() throws Exception {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
      HttpResponse<String> response = send(request().header("Content-Type", type).POST(of(call)));
      assertThat(response.statusCode()).as(type).isEqualTo(415);
      assertError(
          json(response),
          "null",
          -32600,
          "invalid content type, only application/json is supported");
    }
    HttpResponse<String> none = send(request().POST(of(call)));
    assertThat(none.statusCode()).isEqualTo(415);
    HttpResponse<String> withCharset =
        send(request().header("Content-Type", "application/json; charset=UTF-8").POST(of(call)));
    assertThat(withCharset.statusCode()).isEqualTo(200);
    assertThat(json(withCharset).path("result").asString()).isEqualTo("0xc7b");
  }

  @Test
  void aSixMegabyteBodyIs413WithAJsonRpcError() throws Exception {
    HttpResponse<String> response = post(oversizedBatchText());
    assertThat(response.statusCode()).isEqualTo(413);
    assertError(json(response), "null", -32600, "request body too large, limit is 5242880 bytes");
  }

  @Test
  void aSixMegabyteChunkedBodyIs413Too() throws Exception {
    byte[] body = oversizedBatchText().getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            request()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(chunked(body))));
    assertThat(response.statusCode()).isEqualTo(413);
    assertError(json(response), "null", -32600, "request body too large, limit is 5242880 bytes");
  }

  @Test
  void aBodyOfExactlyTheLimitIsRead() throws Exception {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
    String padded = call + " ".repeat(MAX_BODY - call.length());
    HttpResponse<String> response = post(padded);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("result").asString()).isEqualTo("0xc7b");
  }

  @Test
  void getIs405WithAJsonRpcError() throws Exception {
    HttpResponse<String> response = send(request().GET());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
    assertError(json(response), "null", -32600, "method not allowed");
  }

  @Test
  void callsAreMeteredByMethodAndOutcome() throws Exception {
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"attacker_" + System.nanoTime() + "\"}");
    HttpResponse<String> prometheus =
        send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .GET());
    assertThat(prometheus.body())
        .contains("paraseq_rpc_requests_seconds_count{method=\"eth_chainId\",outcome=\"success\"}")
        .contains(
            "paraseq_rpc_requests_seconds_count{method=\"unknown\",outcome=\"method_not_found\"}")
        .doesNotContain("attacker_");
  }

  // ---- helpers ----

  private static String oversizedBatchText() {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
    int copies = 6 * 1024 * 1024 / (call.length() + 1) + 1;
    String[] calls = new String[copies];
    Arrays.fill(calls, call);
    return "[" + String.join(",", calls) + "]";
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(Duration.ofSeconds(20));
  }

  private static HttpRequest.BodyPublisher of(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return send(request().header("Content-Type", "application/json").POST(of(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return JsonMapper.shared().readTree(response.body());
  }

  private static void assertError(JsonNode reply, String id, int code, String message) {
    assertThat(reply.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(reply.path("id").toString()).isEqualTo(id);
    assertThat(reply.at("/error/code").asInt()).isEqualTo(code);
    assertThat(reply.at("/error/message").asString()).isEqualTo(message);
    assertThat(reply.has("result")).isFalse();
  }

  /** Publishes {@code body} in 64 KiB pieces with no declared length (chunked encoding). */
  private static Flow.Publisher<ByteBuffer> chunked(byte[] body) {
    return subscriber ->
        subscriber.onSubscribe(
            new Flow.Subscription() {
              private int offset;
              private boolean done;

              @Override
              public synchronized void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                  if (offset >= body.length) {
                    done = true;
                    subscriber.onComplete();
                    return;
                  }
                  int length = Math.min(64 * 1024, body.length - offset);
                  subscriber.onNext(ByteBuffer.wrap(body, offset, length));
                  offset += length;
                }
              }

              @Override
              public synchronized void cancel() {
                done = true;
              }
            });
  }
}
