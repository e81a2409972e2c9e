package io.paraseq.sequencer.rpc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON-RPC reply objects as bytes. A result is serialised once, straight from the method's
 * value, and spliced into its reply object and the batch array; no tree of the reply is built (the
 * tree copy of every result and the reply objects cost more than the bytes themselves). Error
 * replies, rare and small, are written from a tree.
 */
final class RpcReplies {

  private static final byte[] SUCCESS_START =
      "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESULT_MEMBER = ",\"result\":".getBytes(StandardCharsets.US_ASCII);

  private final JsonMapper mapper;

  RpcReplies(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * A method's value as JSON: a JSON-serialisable value (a hex string, a record, a {@code
   * JsonNode}). Throws on a value that cannot be serialised: a bug, for the caller's fault barrier.
   */
  byte[] result(Object value) {
    return mapper.writeValueAsBytes(value);
  }

  /** {@code {"jsonrpc":"2.0","id":<id>,"result":<result>}}, members in geth's order. */
  byte[] success(JsonNode id, byte[] result) {
    byte[] idJson = mapper.writeValueAsBytes(id);
    byte[] reply =
        new byte[SUCCESS_START.length + idJson.length + RESULT_MEMBER.length + result.length + 1];
    int at = put(reply, 0, SUCCESS_START);
    at = put(reply, at, idJson);
    at = put(reply, at, RESULT_MEMBER);
    at = put(reply, at, result);
    reply[at] = '}';
    return reply;
  }

  /** {@code {"jsonrpc":"2.0","id":<id>,"error":{"code":…,"message":…[,"data":…]}}}. */
  byte[] failure(JsonNode id, RpcResult.Failure failure) {
    ObjectNode reply = mapper.createObjectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", id);
    ObjectNode error = reply.putObject("error");
    error.put("code", failure.error().code());
    error.put("message", failure.message());
    failure.data().ifPresent(data -> error.set("data", mapper.valueToTree(data)));
    return mapper.writeValueAsBytes(reply);
  }

  /** The replies as one JSON array, in the given order; at least one. */
  static byte[] array(List<byte[]> replies) {
    int length = replies.size() + 1; // brackets and commas
    for (byte[] reply : replies) {
      length += reply.length;
    }
    byte[] array = new byte[length];
    array[0] = '[';
    int at = 1;
    for (byte[] reply : replies) {
      if (at > 1) {
        array[at++] = ',';
      }
      at = put(array, at, reply);
    }
    array[at] = ']';
    return array;
  }

  private static int put(byte[] into, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, into, at, bytes.length);
    return at + bytes.length;
  }
}
