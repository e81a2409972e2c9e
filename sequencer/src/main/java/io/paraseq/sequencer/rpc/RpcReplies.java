package io.paraseq.sequencer.rpc;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON-RPC reply objects, a single one or a batch's array, with one generator straight into
 * the body's bytes: no tree of the replies is built and a string result (hashes, quantities) is
 * written as it is.
 */
final class RpcReplies {

  /**
   * One reply.
   *
   * @param id the id to answer with
   * @param result a failure, or a success whose value is a {@code String} or a {@code JsonNode}
   *     (other values are turned into a tree inside the dispatcher's fault barrier first)
   */
  record Answer(JsonNode id, RpcResult result) {}

  private final JsonMapper mapper;

  RpcReplies(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** Whether {@code value} can be written without a conversion that might fail. */
  static boolean isWritable(Object value) {
    return value instanceof String || value instanceof JsonNode;
  }

  /** One reply object. */
  byte[] single(Answer answer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = mapper.createGenerator(out)) {
      write(json, answer);
    }
    return out.toByteArray();
  }

  /** The replies as one JSON array, in the given order. */
  byte[] array(List<Answer> answers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 * answers.size() + 16);
    try (JsonGenerator json = mapper.createGenerator(out)) {
      json.writeStartArray();
      for (Answer answer : answers) {
        write(json, answer);
      }
      json.writeEndArray();
    }
    return out.toByteArray();
  }

  /**
   * {@code {"jsonrpc":"2.0","id":…,"result":…}} or {@code {"jsonrpc":"2.0","id":…,"error":{"code":
   * …,"message":…[,"data":…]}}}, members in geth's order.
   */
  private static void write(JsonGenerator json, Answer answer) {
    json.writeStartObject();
    json.writeStringProperty("jsonrpc", "2.0");
    json.writeName("id");
    json.writeTree(answer.id());
    switch (answer.result()) {
      case RpcResult.Success(String value) -> json.writeStringProperty("result", value);
      case RpcResult.Success(JsonNode value) -> {
        json.writeName("result");
        json.writeTree(value);
      }
      case RpcResult.Success(Object value) ->
          throw new IllegalArgumentException(
              "result not converted to a tree: " + value.getClass().getName());
      case RpcResult.Failure failure -> {
        json.writeName("error");
        json.writeStartObject();
        json.writeNumberProperty("code", failure.error().code());
        json.writeStringProperty("message", failure.message());
        if (failure.data().isPresent()) {
          json.writePOJOProperty("data", failure.data().get());
        }
        json.writeEndObject();
      }
    }
    json.writeEndObject();
  }
}
