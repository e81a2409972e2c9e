package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paraseq.sequencer.config.ChainProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dispatcher on its own: bytes in, status and JSON out, with the real method classes. */
class JsonRpcProcessorTest {

  private static final ChainProperties CHAIN = ChainProperties.withId(3195);
  private static final String KECCAK_HELLO_WORLD =
      "0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final JsonRpcProcessor processor = processor(new Web3Sha3(), 1000);

  /** The node's table, with a fixed client version and {@code sha3} as {@code web3_sha3}. */
  private JsonRpcProcessor processor(RpcMethod sha3, int maxBatch) {
    return new JsonRpcProcessor(
        MethodTables.replacing(
            sha3, new Web3ClientVersion(ClientVersion.of("1.2.3", "Linux", "amd64", 21))),
        MethodTables.properties(maxBatch),
        new RpcMetrics(registry),
        Duration.ofSeconds(30));
  }

  private JsonNode post(String body) {
    return post(processor, body);
  }

  private static JsonNode post(JsonRpcProcessor processor, String body) {
    JsonRpcProcessor.Reply reply = processor.process(body.getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isPresent();
    return JsonMapper.shared().readTree(reply.body().get());
  }

  private static void assertError(JsonNode reply, String id, int code, String message) {
    assertThat(reply.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(reply.path("id").toString()).isEqualTo(id);
    assertThat(reply.at("/error/code").asInt()).isEqualTo(code);
    assertThat(reply.at("/error/message").asString()).isEqualTo(message);
    assertThat(reply.has("result")).isFalse();
  }

  @Test
  void answersTheChainMethods() {
    assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}").toString())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xc7b\"}");
    assertThat(
            post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"net_version\",\"params\":[]}")
                .path("result")
                .asString())
        .isEqualTo("3195");
    assertThat(
            post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"web3_clientVersion\"}")
                .path("result")
                .asString())
        .isEqualTo("Paraseq/v1.2.3/linux-amd64/java21");
    assertThat(
            post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"web3_sha3\","
                    + "\"params\":[\"0x68656c6c6f20776f726c64\"]}")
                .path("result")
                .asString())
        .isEqualTo(KECCAK_HELLO_WORLD);
    assertThat(
            post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"rpc_modules\"}")
                .path("result")
                .toString())
        .isEqualTo("{\"eth\":\"1.0\",\"net\":\"1.0\",\"rpc\":\"1.0\",\"web3\":\"1.0\"}");
  }

  @Test
  void keepsTheIdAndItsJsonType() {
    for (String id :
        List.of(
            "\"abc\"", "\"\"", "7", "-3", "0", "1.50", "123456789012345678901234567890", "null")) {
      JsonRpcProcessor.Reply reply =
          processor.process(
              ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"eth_chainId\"}")
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(new String(reply.body().orElseThrow(), StandardCharsets.UTF_8))
          .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0xc7b\"}");
    }
  }

  @Test
  void rejectsMalformedJson() {
    for (String body : List.of("{", "", "{\"jsonrpc\":\"2.0\"", "[1,]", "{} {}", "nul")) {
      assertError(post(body), "null", -32700, "parse error");
    }
  }

  @Test
  void rejectsInvalidRequestObjects() {
    for (String body :
        List.of(
            "1",
            "\"x\"",
            "null",
            "{}",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"eth_chainId\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"eth_chainId\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"eth_chainId\"}")) {
      assertError(post(body), "null", -32600, "invalid request");
    }
    for (String body :
        List.of(
            "{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"eth_chainId\"}",
            "{\"jsonrpc\":2.0,\"id\":9,\"method\":\"eth_chainId\"}",
            "{\"id\":9,\"method\":\"eth_chainId\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":9}",
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":1}",
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"eth_chainId\",\"params\":\"x\"}")) {
      assertError(post(body), "9", -32600, "invalid request");
    }
  }

  @Test
  void nullParamsMeanNoArgumentsAsInGeth() {
    JsonNode reply =
        post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"eth_chainId\",\"params\":null}");
    assertThat(reply.path("result").asString()).isEqualTo("0xc7b");
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"web3_sha3\",\"params\":null}"),
        "9",
        -32602,
        "missing value for required argument 0");
  }

  @Test
  void invalidRequestsAreAnsweredEvenWithoutAnId() {
    assertError(
        post("{\"jsonrpc\":\"1.0\",\"method\":\"eth_chainId\"}"),
        "null",
        -32600,
        "invalid request");
  }

  @Test
  void unknownMethodsUseGethsText() {
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"eth_foo\"}"),
        "\"a\"",
        -32601,
        "the method eth_foo does not exist/is not available");
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ETH_CHAINID\"}"),
        "1",
        -32601,
        "the method ETH_CHAINID does not exist/is not available");
    String longName = "x".repeat(1000);
    assertThat(
            post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + longName + "\"}")
                .at("/error/message")
                .asString())
        .hasSize("the method  does not exist/is not available".length() + 129);
  }

  @Test
  void checksArguments() {
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[]}"),
        "1",
        -32602,
        "missing value for required argument 0");
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[null]}"),
        "1",
        -32602,
        "missing value for required argument 0");
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x\",\"0x\"]}"),
        "1",
        -32602,
        "too many arguments, want at most 1");
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[1]}"),
        "1",
        -32602,
        "too many arguments, want at most 0");
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x123\"]}"),
        "1",
        -32602,
        "invalid argument 0: hex string of odd length");
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"1234\"]}"),
        "1",
        -32602,
        "invalid argument 0: hex string without 0x prefix");
    assertError(
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[12]}"),
        "1",
        -32602,
        "invalid argument 0: expected a 0x-prefixed hex string");
    assertError(
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":{\"data\":\"0x\"}}"),
        "1",
        -32602,
        "non-array args");
  }

  @Test
  void hashesTheEmptyString() {
    assertThat(
            post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x\"]}")
                .path("result")
                .asString())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void notificationsGetNoReply() {
    JsonRpcProcessor.Reply single =
        processor.process(
            "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(single.status()).isEqualTo(200);
    assertThat(single.body()).isEmpty();
    JsonRpcProcessor.Reply batch =
        processor.process(
            ("[{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"no_such\"}]")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(batch.body()).isEmpty();
  }

  @Test
  void answersBatchesInOrderWithoutNotifications() {
    JsonNode reply =
        post(
            "[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
                + "1,"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"net_version\"}]");
    assertThat(reply.isArray()).isTrue();
    assertThat(reply.size()).isEqualTo(4);
    assertThat(reply.get(0).path("result").asString()).isEqualTo("0xc7b");
    assertThat(reply.get(0).path("id").asString()).isEqualTo("a");
    assertError(reply.get(1), "null", -32600, "invalid request");
    assertError(reply.get(2), "2", -32601, "the method nope does not exist/is not available");
    assertThat(reply.get(3).path("id").isNull()).isTrue();
    assertThat(reply.get(3).path("result").asString()).isEqualTo("3195");
  }

  @Test
  void rejectsEmptyAndOversizedBatches() {
    JsonNode empty = post("[]");
    assertThat(empty.isObject()).isTrue();
    assertError(empty, "null", -32600, "empty batch");

    JsonRpcProcessor small = processor(new Web3Sha3(), 2);
    assertThat(post(small, batchOf(2)).size()).isEqualTo(2);
    JsonNode tooLarge =
        post(small, "[{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}," + batchOf(3).substring(1));
    assertThat(tooLarge.isArray()).isTrue();
    assertThat(tooLarge.size()).isEqualTo(1);
    assertError(tooLarge.get(0), "0", -32600, "batch too large");
  }

  @Test
  void turnsABugIntoAnInternalErrorWithoutDetails() {
    RpcMethod broken =
        new RpcMethod() {
          @Override
          public RpcMethodName name() {
            return RpcMethodName.WEB3_SHA3;
          }

          @Override
          public RpcResult response(RpcRequest request) {
            throw new IllegalStateException("secret detail");
          }
        };
    JsonNode reply =
        post(processor(broken, 10), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\"}");
    assertError(reply, "1", -32603, "internal error");
    assertThat(reply.at("/error/data/ref").asString()).matches("[0-9a-f]+");
    assertThat(reply.toString()).doesNotContain("secret").doesNotContain("Exception");
  }

  @Test
  void countsCallsByMethodAndOutcomeWithUnknownNamesFolded() {
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"random_1\"}");
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"random_2\"}");
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x1\"]}");
    post("[]");
    assertThat(
            registry
                .get(RpcMetrics.REQUESTS)
                .tags("method", "eth_chainId", "outcome", "success")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(RpcMetrics.REQUESTS)
                .tags("method", "unknown", "outcome", "method_not_found")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get(RpcMetrics.REQUESTS)
                .tags("method", "web3_sha3", "outcome", "invalid_argument")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.get(RpcMetrics.REJECTED).tags("reason", "empty_batch").counter().count())
        .isEqualTo(1);
    assertThat(registry.find(RpcMetrics.REQUESTS).tag("method", "random_1").timer()).isNull();
  }

  private static String batchOf(int calls) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      entries.add("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"eth_chainId\"}");
    }
    return "[" + String.join(",", entries) + "]";
  }
}
