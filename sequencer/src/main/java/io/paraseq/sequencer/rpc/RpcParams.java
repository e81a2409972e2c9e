package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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

  /** Argument {@code index} as a 32-byte hash (geth's text for a wrong length). */
  Param<Hash> hash(int index) {
    return decode(index, HexCodec::decodeHash);
  }

  /** Argument {@code index} as a 20-byte address (geth's text for a wrong length). */
  Param<Address> address(int index) {
    return decode(index, HexCodec::decodeAddress);
  }

  /** Argument {@code index} as a JSON boolean; {@code false} when absent or null. */
  Param<Boolean> optionalBoolean(int index) {
    Optional<JsonNode> node = raw(index);
    if (node.isEmpty()) {
      return new Param.Ok<>(false);
    }
    if (!node.get().isBoolean()) {
      return new Param.Rejected<>(
          RpcError.INVALID_ARGUMENT.failure(
              index,
              "json: cannot unmarshal " + jsonType(node.get()) + " into Go value of type bool"));
    }
    return new Param.Ok<>(node.get().booleanValue());
  }

  /**
   * Argument {@code index} as a block: a tag, a hex number, or an EIP-1898 object ({@code
   * {"blockNumber": "0x5"}} or {@code {"blockHash": "0x…", "requireCanonical": true}}), as geth
   * parses {@code BlockNumberOrHash}. Required.
   */
  Param<BlockSelector> block(int index) {
    Optional<JsonNode> node = raw(index);
    if (node.isEmpty()) {
      return new Param.Rejected<>(RpcError.MISSING_ARGUMENT.failure(index));
    }
    return switch (BlockSelectors.parse(node.get())) {
      case HexCodec.Decoded.Valid<BlockSelector>(BlockSelector selector) ->
          new Param.Ok<>(selector);
      case HexCodec.Decoded.Invalid<BlockSelector>(String reason) ->
          new Param.Rejected<>(RpcError.INVALID_ARGUMENT.failure(index, reason));
    };
  }

  /**
   * Argument {@code index} as a block number or tag only (geth's {@code rpc.BlockNumber}, the type
   * of {@code eth_getBlockByNumber}'s argument): never a block hash. Required.
   */
  Param<BlockSelector> blockNumber(int index) {
    return parsed(index, BlockSelectors::parseNumber);
  }

  /**
   * Argument {@code index} parsed from its JSON by {@code parser}, whose reasons become {@code
   * invalid argument <index>: <reason>}. Required.
   */
  <T> Param<T> parsed(int index, Function<JsonNode, HexCodec.Decoded<T>> parser) {
    Optional<JsonNode> node = raw(index);
    if (node.isEmpty()) {
      return new Param.Rejected<>(RpcError.MISSING_ARGUMENT.failure(index));
    }
    return switch (parser.apply(node.get())) {
      case HexCodec.Decoded.Valid<T>(T value) -> new Param.Ok<>(value);
      case HexCodec.Decoded.Invalid<T>(String reason) ->
          new Param.Rejected<>(RpcError.INVALID_ARGUMENT.failure(index, reason));
    };
  }

  /** Argument {@code index} as a block, {@link BlockSelector#LATEST} when absent or null. */
  Param<BlockSelector> blockOrLatest(int index) {
    return has(index) ? block(index) : new Param.Ok<>(BlockSelector.LATEST);
  }

  /** Argument {@code index} as a JSON string, taken as is (geth's text for another type). */
  Param<String> string(int index) {
    Optional<JsonNode> node = raw(index);
    if (node.isEmpty()) {
      return new Param.Rejected<>(RpcError.MISSING_ARGUMENT.failure(index));
    }
    if (!node.get().isString()) {
      return new Param.Rejected<>(
          RpcError.INVALID_ARGUMENT.failure(
              index,
              "json: cannot unmarshal " + jsonType(node.get()) + " into Go value of type string"));
    }
    return new Param.Ok<>(node.get().asString());
  }

  /** Argument {@code index} as a JSON array of strings, taken as is. */
  Param<List<String>> strings(int index) {
    Optional<JsonNode> node = raw(index);
    if (node.isEmpty()) {
      return new Param.Rejected<>(RpcError.MISSING_ARGUMENT.failure(index));
    }
    if (!node.get().isArray()) {
      return new Param.Rejected<>(
          RpcError.INVALID_ARGUMENT.failure(
              index,
              "json: cannot unmarshal "
                  + jsonType(node.get())
                  + " into Go value of type []string"));
    }
    List<String> out = new ArrayList<>(node.get().size());
    for (JsonNode element : node.get()) {
      if (!element.isString()) {
        return new Param.Rejected<>(
            RpcError.INVALID_ARGUMENT.failure(
                index,
                "json: cannot unmarshal " + jsonType(element) + " into Go value of type string"));
      }
      out.add(element.asString());
    }
    return new Param.Ok<>(List.copyOf(out));
  }

  /** Argument {@code index} as a call object ({@code eth_call}, {@code eth_estimateGas}). */
  Param<CallArguments> callObject(int index) {
    Optional<JsonNode> node = raw(index);
    if (node.isEmpty()) {
      return new Param.Rejected<>(RpcError.MISSING_ARGUMENT.failure(index));
    }
    return switch (CallArguments.parse(node.get())) {
      case HexCodec.Decoded.Valid<CallArguments>(CallArguments arguments) ->
          new Param.Ok<>(arguments);
      case HexCodec.Decoded.Invalid<CallArguments>(String reason) ->
          new Param.Rejected<>(RpcError.INVALID_ARGUMENT.failure(index, reason));
    };
  }

  /**
   * The failure for optional argument {@code index} when it asks for something this node does not
   * support (state or block overrides): given, and not an empty object, which asks for nothing.
   *
   * @param what what the argument asks for, in the plural ({@code state overrides})
   */
  Optional<RpcResult.Failure> unsupported(int index, String what) {
    return raw(index)
        .filter(node -> !(node.isObject() && node.isEmpty()))
        .map(node -> RpcError.INVALID_ARGUMENT.failure(index, what + " are not supported"));
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

  /** The JSON type name geth's decoder puts in its messages. */
  static String jsonType(JsonNode node) {
    if (node.isString()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    if (node.isArray()) {
      return "array";
    }
    return "object";
  }

  private Optional<JsonNode> raw(int index) {
    JsonNode node = values.path(index);
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
  }
}
