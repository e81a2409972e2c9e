package io.paraseq.sequencer.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
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
import tools.jackson.databind.node.ObjectNode;

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
 * their JSON type. Thread-safe and stateless; runs on the HTTP worker threads, calls of a batch one
 * after the other.
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
  private final RpcMetrics metrics;

  JsonRpcProcessor(RpcMethods methods, RpcProperties properties, RpcMetrics metrics) {
    this.methods = methods;
    this.maxBatchSize = properties.maxBatchSize();
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
    return call(root).map(JsonRpcProcessor::ok).orElseGet(JsonRpcProcessor::noContent);
  }

  /** A request refused as a whole: one error reply with id null, counted as a rejection. */
  Reply reject(int status, RpcResult.Failure failure) {
    metrics.rejected(failure.error());
    return new Reply(status, Optional.of(write(response(NullNode.getInstance(), failure))));
  }

  private Reply batch(ArrayNode batch) {
    if (batch.isEmpty()) {
      return reject(200, RpcError.EMPTY_BATCH.failure());
    }
    if (batch.size() > maxBatchSize) {
      metrics.rejected(RpcError.BATCH_TOO_LARGE);
      log.debug("rpc batch too large: calls={} max={}", batch.size(), maxBatchSize);
      ArrayNode replies = MAPPER.createArrayNode();
      replies.add(response(firstCallId(batch), RpcError.BATCH_TOO_LARGE.failure()));
      return ok(replies);
    }
    List<JsonNode> replies = new ArrayList<>(batch.size());
    for (JsonNode request : batch) {
      call(request).ifPresent(replies::add);
    }
    if (replies.isEmpty()) {
      return noContent();
    }
    return ok(MAPPER.createArrayNode().addAll(replies));
  }

  /** The reply to one request object; empty for a well-formed notification. */
  private Optional<JsonNode> call(JsonNode request) {
    long start = System.nanoTime();
    if (!request.isObject()) {
      return Optional.of(invalid(NullNode.getInstance(), start));
    }
    JsonNode id = request.path("id");
    boolean notification = id.isMissingNode();
    if (!notification && !isValidId(id)) {
      return Optional.of(invalid(NullNode.getInstance(), start));
    }
    JsonNode replyId = notification ? NullNode.getInstance() : id;
    JsonNode version = request.path("jsonrpc");
    JsonNode method = request.path("method");
    JsonNode params = request.path("params");
    if (!version.isString()
        || !"2.0".equals(version.asString())
        || !method.isString()
        || !(params.isMissingNode() || params.isNull() || params.isArray() || params.isObject())) {
      return Optional.of(invalid(replyId, start));
    }
    String name = method.asString();
    Optional<RpcMethod> target = methods.find(name);
    RpcResult result =
        target
            .map(m -> invoke(m, params))
            .orElseGet(() -> RpcError.METHOD_NOT_FOUND.failure(echoed(name)));
    metrics.call(target.map(RpcMethod::name), result, System.nanoTime() - start);
    if (result instanceof RpcResult.Failure failure && log.isDebugEnabled()) {
      log.debug(
          "rpc call failed: method={} code={} message={}",
          echoed(name),
          failure.error().code(),
          failure.message());
    }
    return notification ? Optional.empty() : Optional.of(response(replyId, result));
  }

  private JsonNode invalid(JsonNode replyId, long start) {
    RpcResult.Failure failure = RpcError.INVALID_REQUEST.failure();
    metrics.call(Optional.empty(), failure, System.nanoTime() - start);
    log.debug("rpc invalid request object");
    return response(replyId, failure);
  }

  /** Checks the arguments' shape and count, runs the method, and turns a bug into -32603. */
  private RpcResult invoke(RpcMethod method, JsonNode params) {
    if (params.isObject()) {
      return RpcError.NON_ARRAY_ARGUMENTS.failure();
    }
    ArrayNode arguments = params.isArray() ? (ArrayNode) params : NO_ARGUMENTS;
    RpcMethod.Arity arity = method.arity();
    if (arguments.size() > arity.max()) {
      return RpcError.TOO_MANY_ARGUMENTS.failure(arity.max());
    }
    for (int i = 0; i < arity.required(); i++) {
      if (arguments.path(i).isMissingNode() || arguments.path(i).isNull()) {
        return RpcError.MISSING_ARGUMENT.failure(i);
      }
    }
    try {
      RpcResult result = method.response(new RpcRequest(method.name(), new RpcParams(arguments)));
      return switch (result) {
        case RpcResult.Success(Object value) -> RpcResult.success(MAPPER.valueToTree(value));
        case RpcResult.Failure failure -> failure;
      };
    } catch (RuntimeException e) {
      String ref = Long.toHexString(ThreadLocalRandom.current().nextLong());
      log.error("rpc internal error: ref={} method={}", ref, method.name().wireName(), e);
      return RpcError.INTERNAL_ERROR.failure().withData(Map.of("ref", ref));
    }
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

  private static ObjectNode response(JsonNode id, RpcResult result) {
    ObjectNode reply = MAPPER.createObjectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", id);
    switch (result) {
      // invoke() has already turned every result into a tree (inside its fault barrier).
      case RpcResult.Success(Object value) -> reply.set("result", (JsonNode) value);
      case RpcResult.Failure failure -> {
        ObjectNode error = reply.putObject("error");
        error.put("code", failure.error().code());
        error.put("message", failure.message());
        failure.data().ifPresent(data -> error.set("data", MAPPER.valueToTree(data)));
      }
    }
    return reply;
  }

  private static Reply ok(JsonNode body) {
    return new Reply(200, Optional.of(write(body)));
  }

  private static Reply noContent() {
    return new Reply(200, Optional.empty());
  }

  private static byte[] write(JsonNode body) {
    return MAPPER.writeValueAsBytes(body);
  }
}
