package io.paraseq.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads a node's {@code /actuator/prometheus} (served on the same port as its JSON-RPC endpoint).
 * Thread-safe; each read blocks its thread.
 */
final class MetricsClient {

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  /** A client of the metrics of the node whose JSON-RPC endpoint is {@code rpcUrl}. */
  MetricsClient(URI rpcUrl, Duration timeout) {
    this.url = prometheusUrl(rpcUrl);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** {@code /actuator/prometheus} on the scheme, host and port of {@code rpcUrl}. */
  static URI prometheusUrl(URI rpcUrl) {
    return rpcUrl.resolve("/actuator/prometheus");
  }

  /** The metrics endpoint read. */
  URI url() {
    return url;
  }

  /**
   * The current samples.
   *
   * @throws RpcException if the node does not answer 200 with a Prometheus text
   */
  PrometheusSamples read() {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RpcException("request to " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted while reading " + url, e);
    }
    if (response.statusCode() != 200) {
      throw new RpcException("HTTP " + response.statusCode() + " from " + url);
    }
    try {
      return PrometheusSamples.parse(response.body());
    } catch (PrometheusSamples.MalformedException e) {
      throw new RpcException(url + " is not a Prometheus text: " + e.getMessage(), e);
    }
  }
}
