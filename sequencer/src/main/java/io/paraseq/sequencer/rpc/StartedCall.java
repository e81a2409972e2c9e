package io.paraseq.sequencer.rpc;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * One call of a request that has been started: its method (for the metrics), the id to answer with,
 * the moment it started and its result, which may still be pending (an {@link
 * RpcMethod#responseAsync} waiting for ingress).
 *
 * <p><b>Threads.</b> Created and read by the HTTP worker that runs the request; {@link #finishedAt}
 * is written once by whichever thread completes the result (often the pool writer: the callback
 * only reads the clock) and read by the HTTP worker after it has seen the result completed.
 */
final class StartedCall {

  private final Optional<RpcMethodName> method;
  private final String requestedName;
  private final JsonNode replyId;
  private final boolean notification;
  private final long startedAt;
  private final CompletableFuture<RpcResult> result;
  private volatile long finishedAt;

  private StartedCall(
      Optional<RpcMethodName> method,
      String requestedName,
      JsonNode replyId,
      boolean notification,
      long startedAt,
      CompletableFuture<RpcResult> result) {
    this.method = method;
    this.requestedName = requestedName;
    this.replyId = replyId;
    this.notification = notification;
    this.startedAt = startedAt;
    this.result = result;
    if (result.isDone()) {
      finishedAt = System.nanoTime();
    } else {
      result.whenComplete((value, failure) -> finishedAt = System.nanoTime());
    }
  }

  /**
   * A call whose answer is coming.
   *
   * @param method the registered method, empty for an unknown name or an invalid request object
   * @param requestedName the name as requested (shortened), for the log
   * @param replyId the id to answer with (JSON null for an invalid id or a notification)
   * @param notification whether the request had no id, so gets no reply
   * @param startedAt {@link System#nanoTime()} when the request object was taken up
   * @param result the method's answer; fails on a fault
   */
  static StartedCall of(
      Optional<RpcMethodName> method,
      String requestedName,
      JsonNode replyId,
      boolean notification,
      long startedAt,
      CompletableFuture<RpcResult> result) {
    return new StartedCall(
        Objects.requireNonNull(method, "method"),
        Objects.requireNonNull(requestedName, "requestedName"),
        Objects.requireNonNull(replyId, "replyId"),
        notification,
        startedAt,
        Objects.requireNonNull(result, "result"));
  }

  Optional<RpcMethodName> method() {
    return method;
  }

  String requestedName() {
    return requestedName;
  }

  JsonNode replyId() {
    return replyId;
  }

  boolean notification() {
    return notification;
  }

  CompletableFuture<RpcResult> result() {
    return result;
  }

  /**
   * Nanoseconds from the start to the result's completion, or to {@code now} when it has not
   * completed (a call given up at the deadline).
   */
  long elapsedNanos(long now) {
    long end = result.isDone() ? finishedAt : now;
    return (end == 0 ? now : end) - startedAt;
  }
}
