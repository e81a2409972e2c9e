package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The positional arguments of one call, decoded on demand into typed values. Failures carry geth's
 * texts with the argument's index ({@code invalid argument 0: hex string without 0x prefix}).
 */
final class RpcParams {

  private final ArrayNode values;

  RpcParams(ArrayNode values) {
    this.values = Objects.requireNonNull(values, "values");
  }

  /** Number of arguments given (trailing nulls included). */
  int size() {
    return values.size();
  }

  /** Argument {@code index} as data ({@code 0x}-prefixed, even-length hex). */
  Param<Bytes> data(int index) {
    return decode(index, HexCodec::decodeData);
  }

  /** Argument {@code index} as a quantity of at most 256 bits. */
  Param<BigInteger> quantity(int index) {
    return decode(index, HexCodec::decodeQuantity);
  }

  /** Argument {@code index} as a quantity below 2^63. */
  Param<Long> longQuantity(int index) {
    return decode(index, HexCodec::decodeLongQuantity);
  }

  /** Whether optional argument {@code index} was given (present and not null). */
  boolean has(int index) {
    return raw(index).isPresent();
  }

  private <T> Param<T> decode(int index, Function<String, HexCodec.Decoded<T>> decoder) {
    Optional<JsonNode> node = raw(index);
    if (node.isEmpty()) {
      return new Param.Rejected<>(RpcError.MISSING_ARGUMENT.failure(index));
    }
    if (!node.get().isString()) {
      return new Param.Rejected<>(
          RpcError.INVALID_ARGUMENT.failure(index, "expected a 0x-prefixed hex string"));
    }
    return switch (decoder.apply(node.get().asString())) {
      case HexCodec.Decoded.Valid<T>(T value) -> new Param.Ok<>(value);
      case HexCodec.Decoded.Invalid<T>(String reason) ->
          new Param.Rejected<>(RpcError.INVALID_ARGUMENT.failure(index, reason));
    };
  }

  private Optional<JsonNode> raw(int index) {
    JsonNode node = values.path(index);
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
  }
}
