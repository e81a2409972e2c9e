package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal JSON-RPC client for ITs that need the exact reply (member names, error texts) rather
 * than a library's reading of it: one call per request, params given as raw JSON.
 */
final class RpcClient implements AutoCloseable {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI uri;

  RpcClient(int port) {
    this.uri = URI.create("http://127.0.0.1:" + port + "/");
  }

  /** The reply object of {@code method} with {@code params} (a JSON array). */
  JsonNode call(String method, String params) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return JsonMapper.shared().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The result; fails the test on an error reply. */
  JsonNode result(String method, String params) {
    JsonNode reply = call(method, params);
    assertThat(reply.has("error")).as("%s %s: %s", method, params, reply).isFalse();
    return reply.path("result");
  }

  /** The error message; fails the test on a result. */
  JsonNode error(String method, String params) {
    JsonNode reply = call(method, params);
    assertThat(reply.has("error")).as("%s %s: %s", method, params, reply).isTrue();
    return reply.at("/error/message");
  }

  /** Asserts an error reply with exactly this code and message. */
  void assertError(String method, String params, int code, String message) {
    JsonNode reply = call(method, params);
    assertThat(reply.at("/error/code").asInt())
        .as("%s %s: %s", method, params, reply)
        .isEqualTo(code);
    assertThat(reply.at("/error/message").asString()).isEqualTo(message);
  }

  @Override
  public void close() {
    http.close();
  }
}
