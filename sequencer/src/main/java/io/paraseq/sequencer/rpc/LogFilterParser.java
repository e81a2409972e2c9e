package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Parses an {@code eth_getLogs} filter object as geth's {@code FilterCriteria.UnmarshalJSON} does,
 * with its texts:
 *
 * <ul>
 *   <li>{@code blockHash} excludes {@code fromBlock}/{@code toBlock} ({@code cannot specify both
 *       BlockHash and FromBlock/ToBlock, choose one or the other}); null members count as absent;
 *   <li>{@code address}: one address or an array of them;
 *   <li>{@code topics}: at most four positions ({@code exceed max topics}); each null (any), a
 *       topic, or an array of alternatives, where a null alternative makes the position match
 *       anything;
 *   <li>unknown members are ignored.
 * </ul>
 */
final class LogFilterParser {

  private LogFilterParser() {}

  static HexCodec.Decoded<LogCriteria> parse(JsonNode node) {
    if (!node.isObject()) {
      return invalid(
          "json: cannot unmarshal "
              + RpcParams.jsonType(node)
              + " into Go value of type filters.input");
    }
    Optional<JsonNode> hashNode = member(node, "blockHash");
    Optional<JsonNode> fromNode = member(node, "fromBlock");
    Optional<JsonNode> toNode = member(node, "toBlock");
    Optional<Hash> blockHash = Optional.empty();
    Optional<BlockSelector> from = Optional.empty();
    Optional<BlockSelector> to = Optional.empty();
    if (hashNode.isPresent()) {
      if (fromNode.isPresent() || toNode.isPresent()) {
        return invalid(
            "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
      }
      HexCodec.Decoded<Hash> hash = blockHash(hashNode.get());
      if (hash instanceof HexCodec.Decoded.Invalid<Hash>(String reason)) {
        return invalid(reason);
      }
      blockHash = Optional.of(((HexCodec.Decoded.Valid<Hash>) hash).value());
    } else {
      for (int i = 0; i < 2; i++) {
        Optional<JsonNode> bound = i == 0 ? fromNode : toNode;
        if (bound.isEmpty()) {
          continue;
        }
        switch (BlockSelectors.parseNumber(bound.get())) {
          case HexCodec.Decoded.Valid<BlockSelector>(BlockSelector selector) -> {
            if (i == 0) {
              from = Optional.of(selector);
            } else {
              to = Optional.of(selector);
            }
          }
          case HexCodec.Decoded.Invalid<BlockSelector>(String reason) -> {
            return invalid(reason);
          }
        }
      }
    }
    List<Address> addresses = new ArrayList<>();
    Optional<String> addressError = addresses(member(node, "address"), addresses);
    if (addressError.isPresent()) {
      return invalid(addressError.get());
    }
    List<List<Hash>> topics = new ArrayList<>();
    Optional<String> topicError = topics(member(node, "topics"), topics);
    if (topicError.isPresent()) {
      return invalid(topicError.get());
    }
    return new HexCodec.Decoded.Valid<>(new LogCriteria(blockHash, from, to, addresses, topics));
  }

  private static HexCodec.Decoded<Hash> blockHash(JsonNode node) {
    if (!node.isString()) {
      return invalid(
          "json: cannot unmarshal "
              + RpcParams.jsonType(node)
              + " into Go struct field input.blockHash of type common.Hash");
    }
    return HexCodec.decodeHash(node.asString());
  }

  /** Fills {@code out} from the {@code address} member; the failure text if it is malformed. */
  private static Optional<String> addresses(Optional<JsonNode> member, List<Address> out) {
    if (member.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = member.get();
    if (node.isString()) {
      return switch (decode(node.asString(), Address.LENGTH, "address")) {
        case HexCodec.Decoded.Valid<Bytes>(Bytes bytes) -> {
          out.add(Address.of(bytes));
          yield Optional.empty();
        }
        case HexCodec.Decoded.Invalid<Bytes>(String reason) ->
            Optional.of("invalid address: " + reason);
      };
    }
    if (!node.isArray()) {
      return Optional.of("invalid addresses in query");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isString()) {
        return Optional.of("non-string address at index " + i);
      }
      switch (decode(item.asString(), Address.LENGTH, "address")) {
        case HexCodec.Decoded.Valid<Bytes>(Bytes bytes) -> out.add(Address.of(bytes));
        case HexCodec.Decoded.Invalid<Bytes>(String reason) -> {
          return Optional.of("invalid address at index " + i + ": " + reason);
        }
      }
    }
    return Optional.empty();
  }

  /** Fills {@code out} from the {@code topics} member; the failure text if it is malformed. */
  private static Optional<String> topics(Optional<JsonNode> member, List<List<Hash>> out) {
    if (member.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = member.get();
    if (!node.isArray()) {
      return Optional.of(
          "json: cannot unmarshal "
              + RpcParams.jsonType(node)
              + " into Go struct field input.topics of type []interface {}");
    }
    if (node.size() > Log.MAX_TOPICS) {
      return Optional.of("exceed max topics");
    }
    for (JsonNode position : node) {
      List<Hash> alternatives = new ArrayList<>();
      if (position.isString()) {
        Optional<String> error = topic(position.asString(), alternatives);
        if (error.isPresent()) {
          return error;
        }
      } else if (position.isArray()) {
        for (JsonNode alternative : position) {
          if (alternative.isNull()) {
            alternatives.clear(); // a null alternative matches anything at this position
            break;
          }
          if (!alternative.isString()) {
            return Optional.of("invalid topic(s)");
          }
          Optional<String> error = topic(alternative.asString(), alternatives);
          if (error.isPresent()) {
            return error;
          }
        }
      } else if (!position.isNull()) {
        return Optional.of("invalid topic(s)");
      }
      out.add(alternatives);
    }
    return Optional.empty();
  }

  private static Optional<String> topic(String text, List<Hash> out) {
    return switch (decode(text, Hash.LENGTH, "topic")) {
      case HexCodec.Decoded.Valid<Bytes>(Bytes bytes) -> {
        out.add(Hash.of(bytes));
        yield Optional.empty();
      }
      case HexCodec.Decoded.Invalid<Bytes>(String reason) -> Optional.of(reason);
    };
  }

  /** hexutil.Decode and a length check, with geth's filter texts. */
  private static HexCodec.Decoded<Bytes> decode(String text, int length, String what) {
    return switch (HexCodec.decodeData(text)) {
      case HexCodec.Decoded.Valid<Bytes>(Bytes bytes) when bytes.length() != length ->
          invalid(
              "hex has invalid length "
                  + bytes.length()
                  + " after decoding; expected "
                  + length
                  + " for "
                  + what);
      case HexCodec.Decoded<Bytes> other -> other;
    };
  }

  private static Optional<JsonNode> member(JsonNode object, String name) {
    JsonNode value = object.path(name);
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  private static <T> HexCodec.Decoded<T> invalid(String reason) {
    return new HexCodec.Decoded.Invalid<>(reason);
  }
}
