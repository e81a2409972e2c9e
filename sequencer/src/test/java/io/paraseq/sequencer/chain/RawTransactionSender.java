package io.paraseq.sequencer.chain;

import io.paraseq.protocol.types.Bytes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A wallet-like client for load tests: sends raw transactions with {@code eth_sendRawTransaction}
 * over HTTP JSON-RPC and classifies each answer. On back-pressure ({@code -32005} busy, {@code
 * txpool is full}, {@code account limit exceeded}) {@link #sendUntilAnswered} waits and sends the
 * same transaction again, as a real client would, counting every such refusal. Thread-safe.
 */
public final class RawTransactionSender implements AutoCloseable {

  /** What the node answered. */
  public sealed interface Answer {

    /** The node returned the hash: the transaction is acknowledged. */
    record Accepted(String hash) implements Answer {}

    /** The node refused it with a JSON-RPC error. */
    record Refused(int code, String message) implements Answer {

      /** A refusal that means "not now", after which a client tries again. */
      public boolean isBackPressure() {
        return code == -32005
            || message.startsWith("txpool is full")
            || message.startsWith("account limit exceeded");
      }
    }

    /** No JSON-RPC answer (connection refused or reset, timeout): the node may be gone. */
    record NoAnswer(IOException error) implements Answer {}
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration RETRY_PAUSE = Duration.ofMillis(20);

  private final URI endpoint;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, LongAdder> backPressure = new ConcurrentHashMap<>();

  public RawTransactionSender(String endpoint) {
    this.endpoint = URI.create(endpoint);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Sends once. */
  public Answer send(Bytes raw) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + ids.incrementAndGet()
            + ",\"method\":\"eth_sendRawTransaction\",\"params\":[\""
            + raw.toHex()
            + "\"]}";
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      JsonNode reply =
          JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
      if (reply.has("result")) {
        return new Answer.Accepted(reply.get("result").stringValue());
      }
      JsonNode error = reply.get("error");
      return new Answer.Refused(error.get("code").intValue(), error.get("message").stringValue());
    } catch (IOException e) {
      return new Answer.NoAnswer(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.NoAnswer(new IOException("interrupted", e));
    }
  }

  /** Sends until the answer is not back-pressure; counts each back-pressure refusal. */
  public Answer sendUntilAnswered(Bytes raw) throws InterruptedException {
    while (true) {
      Answer answer = send(raw);
      if (!(answer instanceof Answer.Refused refused) || !refused.isBackPressure()) {
        return answer;
      }
      backPressure.computeIfAbsent(refused.message(), m -> new LongAdder()).increment();
      Thread.sleep(RETRY_PAUSE);
    }
  }

  /** Back-pressure refusals so far, by message. */
  Map<String, Long> backPressure() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    backPressure.forEach((message, count) -> counts.put(message, count.sum()));
    return counts;
  }

  @Override
  public void close() {
    http.close();
  }
}
