package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A program's dispatcher: function selector → handler, as solc's dispatcher. Call data shorter than
 * a selector or with an unknown selector reverts with empty data (no fallback, no receive).
 * Immutable.
 */
final class FunctionTable {

  /** One external function. */
  @FunctionalInterface
  interface Function {
    Bytes call(ProgramContext context, Address self, Address caller, Bytes data);
  }

  private final Map<Integer, Function> functions;

  /**
   * A table of {@code bySignature}'s functions.
   *
   * @throws IllegalArgumentException if two signatures share a selector
   */
  FunctionTable(Map<String, Function> bySignature) {
    Map<Integer, Function> table = new HashMap<>();
    bySignature.forEach(
        (signature, function) -> {
          if (table.put(Abi.selector(signature), function) != null) {
            throw new IllegalArgumentException("selector clash at " + signature);
          }
        });
    this.functions = Map.copyOf(table);
  }

  /** Runs the function {@code data} selects. */
  Bytes dispatch(ProgramContext context, Address self, Address caller, Bytes data) {
    Optional<Integer> selector = Abi.selectorOf(data);
    Function function = selector.map(functions::get).orElse(null);
    if (function == null) {
      throw Halt.empty();
    }
    return function.call(context, self, caller, data);
  }
}
