package io.paraseq.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The answer to one JSON-RPC call: a result or an error object. Errors are expected values here
 * (refusals under load), not exceptions.
 */
sealed interface RpcReply permits RpcReply.Ok, RpcReply.Err {

  /** The id of the call answered. */
  long id();

  /**
   * A result.
   *
   * @param id the call's id
   * @param result the {@code result} member
   */
  record Ok(long id, JsonNode result) implements RpcReply {
    public Ok {
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * An error object.
   *
   * @param id the call's id
   * @param code its {@code code}
   * @param message its {@code message}
   */
  record Err(long id, int code, String message) implements RpcReply {
    public Err {
      Objects.requireNonNull(message, "message");
    }
  }
}
