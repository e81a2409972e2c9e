package io.paraseq.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JSON-RPC 2.0 client over HTTP/1.1 ({@code java.net.http}): single calls and batches. Requests
 * are written by the caller as JSON text (the generator pre-builds them); replies are read with
 * Jackson. Thread-safe: the lanes and the block follower share one client, each call blocking its
 * thread until the reply is read, so each thread has at most one request in flight and keeps its
 * own order. The underlying client pools keep-alive connections.
 */
final class RpcClient implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int QUOTED_BODY = 300;

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  /** A client for {@code url}; each request may take up to {@code timeout}. */
  RpcClient(URI url, Duration timeout) {
    this.url = Objects.requireNonNull(url, "url");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The endpoint. */
  URI url() {
    return url;
  }

  /** One call (id 1); {@code params} is the JSON array of arguments. */
  RpcReply call(String method, String params) {
    JsonNode reply =
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                + method
                + "\",\"params\":"
                + params
                + "}");
    if (!reply.isObject()) {
      throw new RpcException(method + ": expected one reply object, got " + quote(reply));
    }
    return reply(reply);
  }

  /** The result of one call the generator cannot do without; an error reply is an exception. */
  JsonNode result(String method, String params) {
    return switch (call(method, params)) {
      case RpcReply.Ok ok -> ok.result();
      case RpcReply.Err err ->
          throw new RpcException(
              method
                  + " "
                  + params
                  + " failed at "
                  + url
                  + ": "
                  + err.code()
                  + " "
                  + err.message());
    };
  }

  /**
   * Sends a batch ({@code body} is a JSON array of calls) and returns the replies in the order
   * received; match them by id. A batch refused as a whole (one error object instead of an array)
   * is an exception.
   */
  List<RpcReply> batch(String body) {
    JsonNode replies = post(body);
    if (!replies.isArray()) {
      throw new RpcException("batch refused by " + url + ": " + quote(replies));
    }
    List<RpcReply> out = new ArrayList<>(replies.size());
    for (JsonNode reply : replies) {
      out.add(reply(reply));
    }
    return out;
  }

  /** Posts {@code body} and parses the reply. */
  JsonNode post(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new RpcTimeoutException(url, timeout, e);
    } catch (IOException e) {
      throw new RpcException("request to " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted while waiting for " + url, e);
    }
    if (response.statusCode() != 200) {
      throw new RpcException(
          "HTTP "
              + response.statusCode()
              + " from "
              + url
              + ": "
              + quote(new String(response.body(), StandardCharsets.UTF_8)));
    }
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new RpcException(
          "reply from "
              + url
              + " is not JSON: "
              + quote(new String(response.body(), StandardCharsets.UTF_8)),
          e);
    }
  }

  /** The hex quantity of {@code value} ({@code 0x0}, {@code 0x1a}). */
  static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("quantity must be >= 0: " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  /** Reads a hex quantity that fits a non-negative long. */
  static long quantity(JsonNode node) {
    String text = node.asText("");
    if (!text.startsWith("0x") || text.length() < 3 || text.length() > 18) {
      throw new RpcException("not a quantity: " + quote(node));
    }
    try {
      long value = Long.parseLong(text.substring(2), 16);
      if (value < 0) {
        throw new RpcException("quantity out of range: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RpcException("not a quantity: " + quote(node), e);
    }
  }

  @Override
  public void close() {
    http.close();
  }

  private static RpcReply reply(JsonNode reply) {
    JsonNode id = reply.path("id");
    long callId = id.canConvertToLong() ? id.asLong() : -1;
    JsonNode error = reply.get("error");
    if (error != null && error.isObject()) {
      return new RpcReply.Err(callId, error.path("code").asInt(), error.path("message").asText(""));
    }
    JsonNode result = reply.get("result");
    if (result == null) {
      throw new RpcException("reply has neither result nor error: " + quote(reply));
    }
    return new RpcReply.Ok(callId, result);
  }

  private static String quote(Object value) {
    String text = String.valueOf(value);
    return text.length() <= QUOTED_BODY ? text : text.substring(0, QUOTED_BODY) + "…";
  }
}
