package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.tx.Wei;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers the chain objects' JSON forms share. */
final class RpcJson {

  /** The node factory of every result object. */
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RpcJson() {}

  /** An amount of wei as a hex quantity. */
  static String quantity(Wei wei) {
    return HexCodec.quantity(wei.value());
  }

  /** Puts {@code value}, or JSON null when it is absent (geth keeps such fields as null). */
  static void putOrNull(ObjectNode out, String field, Optional<String> value) {
    if (value.isPresent()) {
      out.put(field, value.get());
    } else {
      out.putNull(field);
    }
  }
}
