package io.paraseq.sequencer.rpc;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/**
 * JSON-RPC 2.0 over bytes, independent of HTTP: parses a body, validates each request object,
 * dispatches calls to their {@link RpcMethod} and encodes the replies.
 *
 * <ul>
 *   <li>A body that is not JSON: one {@code -32700} reply, id null.
 *   <li>A single request: its reply, or no body when it is a notification (no {@code id}).
 *   <li>A batch: the replies of its calls in order, notifications left out; no body when nothing is
 *       left; {@code []} gets one {@code empty batch} reply (not an array), more than {@code
 *       maxBatchSize} entries one {@code batch too large} reply in an array with the id of the
 *       first call (as geth).
 *   <li>An invalid request object (not an object, {@code jsonrpc} not {@code "2.0"}, {@code method}
 *       not a string, {@code params} not an array, object or null, {@code id} not a string, number
 *       or null): {@code -32600 invalid request} with its id when the id is valid, else null.
 *       {@code "params": null} means no arguments, as geth accepts it.
 * </ul>
 *
 * <p>Ids are echoed as parsed: strings, integers of any size and decimals (with their digits) keep
 * their JSON type.
 *
 * <p><b>Calls run together.</b> Every call of a batch is started in request order ({@link
 * RpcMethod#responseAsync}: a synchronous method answers right there, {@code
 * eth_sendRawTransaction} only submits to ingress), then the replies are collected in request order
 * under one deadline for the whole request. So the transactions of a batch are verified in parallel
 * and share the pool writer's group commits instead of waiting for one commit each. A call's
 * metrics time runs from its start to its completion; a call failed or unanswered at the deadline
 * is {@code -32603} (for a transaction: not acknowledged), the other calls keep their answers.
 *
 * <p>Thread-safe and stateless; runs on the HTTP worker threads, which also wait for the calls.
 */
final class JsonRpcProcessor {

  private static final Logger log = LoggerFactory.getLogger(JsonRpcProcessor.class);

  /** Longest requested method name echoed in a not-found message; longer ones are cut. */
  private static final int MAX_ECHOED_NAME = 128;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final ArrayNode NO_ARGUMENTS = JsonNodeFactory.instance.arrayNode();

  /**
   * What to send back.
   *
   * @param status the HTTP status
   * @param body the JSON body; empty when the request held notifications only
   */
  record Reply(int status, Optional<byte[]> body) {}

  private final RpcMethods methods;
  private final int maxBatchSize;
  private final long deadlineNanos;
  private final RpcMetrics metrics;
  private final RpcReplies replies = new RpcReplies(MAPPER);

  /**
   * @param deadline how long one request (a single call or a whole batch) may wait for its calls; a
   *     call not answered by then gets -32603
   */
  JsonRpcProcessor(
      RpcMethods methods, RpcProperties properties, RpcMetrics metrics, Duration deadline) {
    this.methods = methods;
    this.maxBatchSize = properties.maxBatchSize();
    this.deadlineNanos = deadline.toNanos();
    this.metrics = metrics;
  }

  /** Answers one HTTP body (already size-checked). */
  Reply process(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JacksonException e) {
      log.debug("rpc parse error: {}", e.getOriginalMessage());
      return reject(200, RpcError.PARSE_ERROR.failure());
    }
    if (root == null || root.isMissingNode()) {
      return reject(200, RpcError.PARSE_ERROR.failure());
    }
    if (root.isArray()) {
      return batch((ArrayNode) root);
    }
    long deadline = System.nanoTime() + deadlineNanos;
    return finish(start(root), deadline)
        .map(answer -> ok(replies.single(answer)))
        .orElseGet(JsonRpcProcessor::noContent);
  }

  /** A request refused as a whole: one error reply with id null, counted as a rejection. */
  Reply reject(int status, RpcResult.Failure failure) {
    metrics.rejected(failure.error());
    return new Reply(
        status,
        Optional.of(replies.single(new RpcReplies.Answer(NullNode.getInstance(), failure))));
  }

  /**
   * Starts every call, in request order, then collects the replies in the same order: calls that
   * wait for ingress wait together. One deadline covers the whole batch.
   */
  private Reply batch(ArrayNode batch) {
    if (batch.isEmpty()) {
      return reject(200, RpcError.EMPTY_BATCH.failure());
    }
    if (batch.size() > maxBatchSize) {
      metrics.rejected(RpcError.BATCH_TOO_LARGE);
      log.debug("rpc batch too large: calls={} max={}", batch.size(), maxBatchSize);
      return ok(
          replies.array(
              List.of(
                  new RpcReplies.Answer(firstCallId(batch), RpcError.BATCH_TOO_LARGE.failure()))));
    }
    long deadline = System.nanoTime() + deadlineNanos;
    List<StartedCall> started = new ArrayList<>(batch.size());
    for (JsonNode request : batch) {
      started.add(start(request));
    }
    List<RpcReplies.Answer> answers = new ArrayList<>(started.size());
    for (StartedCall call : started) {
      finish(call, deadline).ifPresent(answers::add);
    }
    if (answers.isEmpty()) {
      return noContent();
    }
    return ok(replies.array(answers));
  }

  /** Validates one request object and starts its method; invalid objects are answered at once. */
  private StartedCall start(JsonNode request) {
    long start = System.nanoTime();
    if (!request.isObject()) {
      return invalid(NullNode.getInstance(), start);
    }
    JsonNode id = request.path("id");
    boolean notification = id.isMissingNode();
    if (!notification && !isValidId(id)) {
      return invalid(NullNode.getInstance(), start);
    }
    JsonNode replyId = notification ? NullNode.getInstance() : id;
    JsonNode version = request.path("jsonrpc");
    JsonNode method = request.path("method");
    JsonNode params = request.path("params");
    if (!version.isString()
        || !"2.0".equals(version.asString())
        || !method.isString()
        || !(params.isMissingNode() || params.isNull() || params.isArray() || params.isObject())) {
      return invalid(replyId, start);
    }
    String name = echoed(method.asString());
    Optional<RpcMethod> target = methods.find(method.asString());
    CompletableFuture<RpcResult> result =
        target
            .map(m -> invoke(m, params))
            .orElseGet(() -> completedFuture(RpcError.METHOD_NOT_FOUND.failure(name)));
    return StartedCall.of(target.map(RpcMethod::name), name, replyId, notification, start, result);
  }

  private static StartedCall invalid(JsonNode replyId, long start) {
    log.debug("rpc invalid request object");
    return StartedCall.of(
        Optional.empty(),
        "",
        replyId,
        false,
        start,
        completedFuture(RpcError.INVALID_REQUEST.failure()));
  }

  /**
   * Checks the arguments' shape and count and starts the method; a method that throws while
   * starting has a bug, answered -32603.
   */
  private CompletableFuture<RpcResult> invoke(RpcMethod method, JsonNode params) {
    if (params.isObject()) {
      return completedFuture(RpcError.NON_ARRAY_ARGUMENTS.failure());
    }
    ArrayNode arguments = params.isArray() ? (ArrayNode) params : NO_ARGUMENTS;
    RpcMethod.Arity arity = method.arity();
    if (arguments.size() > arity.max()) {
      return completedFuture(RpcError.TOO_MANY_ARGUMENTS.failure(arity.max()));
    }
    for (int i = 0; i < arity.required(); i++) {
      if (arguments.path(i).isMissingNode() || arguments.path(i).isNull()) {
        return completedFuture(RpcError.MISSING_ARGUMENT.failure(i));
      }
    }
    try {
      return method.responseAsync(new RpcRequest(method.name(), new RpcParams(arguments)));
    } catch (RuntimeException e) {
      return completedFuture(internalError(method.name().wireName(), e));
    }
  }

  /**
   * Waits for a started call until {@code deadline} (a {@link System#nanoTime()}) and records its
   * metrics; empty for a notification. A fault of the method (its future failed, its value cannot
   * be turned into JSON) or no answer by the deadline is -32603: for {@code eth_sendRawTransaction}
   * the transaction is not acknowledged.
   */
  private Optional<RpcReplies.Answer> finish(StartedCall call, long deadline) {
    RpcResult result = await(call, deadline);
    if (result instanceof RpcResult.Success(Object value) && !RpcReplies.isWritable(value)) {
      try {
        result = RpcResult.success(MAPPER.valueToTree(value));
      } catch (RuntimeException e) {
        result = internalError(call.requestedName(), e);
      }
    }
    metrics.call(call.method(), result, call.elapsedNanos(System.nanoTime()));
    if (result instanceof RpcResult.Failure failure && log.isDebugEnabled()) {
      log.debug(
          "rpc call failed: method={} code={} message={}",
          call.requestedName(),
          failure.error().code(),
          failure.message());
    }
    if (call.notification()) {
      return Optional.empty();
    }
    return Optional.of(new RpcReplies.Answer(call.replyId(), result));
  }

  /** The call's result, or -32603 when it failed or did not complete by the deadline. */
  private static RpcResult await(StartedCall call, long deadline) {
    CompletableFuture<RpcResult> future = call.result();
    try {
      if (future.isDone()) {
        return future.join();
      }
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (CompletionException | ExecutionException e) {
      return internalError(call.requestedName(), e.getCause() == null ? e : e.getCause());
    } catch (CancellationException e) {
      return internalError(call.requestedName(), e);
    } catch (TimeoutException e) {
      return internalError(
          call.requestedName(), new IllegalStateException("no answer by the deadline", e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return internalError(call.requestedName(), e);
    }
  }

  /** -32603 with a reference that the error log line carries with the stack trace. */
  private static RpcResult.Failure internalError(String method, Throwable e) {
    String ref = Long.toHexString(ThreadLocalRandom.current().nextLong());
    log.error("rpc internal error: ref={} method={}", ref, method, e);
    return RpcError.INTERNAL_ERROR.failure().withData(Map.of("ref", ref));
  }

  /** The id of the first entry that is a call (an object with a valid id), else null. */
  private static JsonNode firstCallId(ArrayNode batch) {
    for (JsonNode request : batch) {
      JsonNode id = request.path("id");
      if (request.isObject() && !id.isMissingNode() && isValidId(id)) {
        return id;
      }
    }
    return NullNode.getInstance();
  }

  private static boolean isValidId(JsonNode id) {
    return id.isString() || id.isNumber() || id.isNull();
  }

  private static String echoed(String name) {
    return name.length() <= MAX_ECHOED_NAME ? name : name.substring(0, MAX_ECHOED_NAME) + "…";
  }

  private static Reply ok(byte[] body) {
    return new Reply(200, Optional.of(body));
  }

  private static Reply noContent() {
    return new Reply(200, Optional.empty());
  }
}
