package io.paraseq.sequencer.rpc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters. Tags have bounded values only: {@code method} is a registered method's name
 * or {@code unknown} (whatever a caller sent), {@code outcome} is {@code success} or an {@link
 * RpcError#tag()}, {@code reason} is an {@link RpcError#tag()}.
 *
 * <ul>
 *   <li>{@code paraseq.rpc.requests} (timer; method, outcome): one per call, notifications
 *       included;
 *   <li>{@code paraseq.rpc.rejected} (counter; reason): HTTP requests refused as a whole (parse
 *       error, too large, wrong content type, empty or oversized batch, …).
 * </ul>
 */
final class RpcMetrics {

  static final String REQUESTS = "paraseq.rpc.requests";
  static final String REJECTED = "paraseq.rpc.rejected";
  static final String UNKNOWN_METHOD = "unknown";
  static final String SUCCESS = "success";

  private record Key(String method, String outcome) {}

  private final MeterRegistry registry;
  private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentMap<RpcError, Counter> rejections = new ConcurrentHashMap<>();

  RpcMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records one call of {@code method} (empty for a name that is not registered). */
  void call(Optional<RpcMethodName> method, RpcResult result, long nanos) {
    String methodTag = method.map(RpcMethodName::wireName).orElse(UNKNOWN_METHOD);
    String outcome =
        switch (result) {
          case RpcResult.Success s -> SUCCESS;
          case RpcResult.Failure f -> f.error().tag();
        };
    timers
        .computeIfAbsent(
            new Key(methodTag, outcome),
            k ->
                Timer.builder(REQUESTS)
                    .description("JSON-RPC calls by method and outcome")
                    .tag("method", k.method())
                    .tag("outcome", k.outcome())
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records an HTTP request refused as a whole. */
  void rejected(RpcError reason) {
    rejections
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder(REJECTED)
                    .description("JSON-RPC HTTP requests refused as a whole")
                    .tag("reason", r.tag())
                    .register(registry))
        .increment();
  }
}
