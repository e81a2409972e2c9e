package io.paraseq.sequencer.rpc;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.NullNode;

/**
 * What a method answers: a result or an error. Expected failures are values of this type; a method
 * throws only when it has a bug or its infrastructure fails.
 */
public sealed interface RpcResult {

  /** A result; JSON {@code null} results use {@link #nullResult()}. */
  static RpcResult success(Object value) {
    return new Success(value);
  }

  /** The JSON {@code null} result (e.g. an unknown transaction). */
  static RpcResult nullResult() {
    return new Success(NullNode.getInstance());
  }

  /**
   * A successful call.
   *
   * @param value what goes into {@code result}: a JSON-serialisable value (a hex string, a record,
   *     a {@code JsonNode})
   */
  record Success(Object value) implements RpcResult {
    public Success {
      Objects.requireNonNull(value, "value (use RpcResult.nullResult() for JSON null)");
    }
  }

  /**
   * A failed call.
   *
   * @param error the error, with its code
   * @param message the text sent, {@link RpcError#text()} filled in or with details
   * @param data the optional {@code data} member, JSON-serialisable
   */
  record Failure(RpcError error, String message, Optional<Object> data) implements RpcResult {
    public Failure {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(data, "data");
    }

    /** The same failure with a {@code data} member. */
    public Failure withData(Object value) {
      return new Failure(error, message, Optional.of(value));
    }
  }
}
