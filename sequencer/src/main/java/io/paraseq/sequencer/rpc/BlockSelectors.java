package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Parses block arguments into {@link BlockSelector}s with geth's error texts. */
final class BlockSelectors {

  private BlockSelectors() {}

  /** A block argument: a tag or hex number string, or an EIP-1898 object. */
  static HexCodec.Decoded<BlockSelector> parse(JsonNode node) {
    if (node.isString()) {
      return parseText(node.asString());
    }
    if (node.isObject()) {
      return parseObject(node);
    }
    return new HexCodec.Decoded.Invalid<>(
        "json: cannot unmarshal "
            + RpcParams.jsonType(node)
            + " into Go value of type rpc.BlockNumberOrHash");
  }

  /**
   * A block number argument (geth's {@code rpc.BlockNumber}): a tag or a hex number, never a hash
   * or an object. geth reads the JSON text of anything else as a number, so a non-string fails for
   * the missing {@code 0x} prefix.
   */
  static HexCodec.Decoded<BlockSelector> parseNumber(JsonNode node) {
    if (!node.isString()) {
      return new HexCodec.Decoded.Invalid<>("hex string without 0x prefix");
    }
    String text = node.asString();
    Optional<BlockSelector.TagName> tag = tag(text);
    if (tag.isPresent()) {
      return new HexCodec.Decoded.Valid<>(new BlockSelector.Tag(tag.get()));
    }
    return switch (HexCodec.decodeQuantity(text)) {
      case HexCodec.Decoded.Valid<BigInteger>(BigInteger value) when value.bitLength() > 64 ->
          new HexCodec.Decoded.Invalid<>("hex number > 64 bits");
      case HexCodec.Decoded.Valid<BigInteger>(BigInteger value) when value.bitLength() > 63 ->
          new HexCodec.Decoded.Invalid<>("block number larger than int64");
      case HexCodec.Decoded.Valid<BigInteger>(BigInteger value) ->
          new HexCodec.Decoded.Valid<>(new BlockSelector.Number(value.longValue()));
      case HexCodec.Decoded.Invalid<BigInteger>(String reason) when reason.endsWith("256 bits") ->
          new HexCodec.Decoded.Invalid<>("hex number > 64 bits");
      case HexCodec.Decoded.Invalid<BigInteger>(String reason) ->
          new HexCodec.Decoded.Invalid<>(reason);
    };
  }

  private static Optional<BlockSelector.TagName> tag(String text) {
    return Arrays.stream(BlockSelector.TagName.values())
        .filter(t -> t.wireName().equals(text))
        .findFirst();
  }

  private static HexCodec.Decoded<BlockSelector> parseText(String text) {
    Optional<BlockSelector.TagName> tag = tag(text);
    if (tag.isPresent()) {
      return new HexCodec.Decoded.Valid<>(new BlockSelector.Tag(tag.get()));
    }
    if (text.length() == 2 + 2 * Hash.LENGTH) {
      // geth reads a 32-byte hex string in a block position as a block hash.
      return HexCodec.decodeData(text)
          .map(bytes -> new BlockSelector.ByHash(Hash.of(bytes), false));
    }
    return switch (HexCodec.decodeQuantity(text)) {
      case HexCodec.Decoded.Valid<BigInteger>(BigInteger value) when value.bitLength() > 63 ->
          new HexCodec.Decoded.Invalid<>("block number larger than int64");
      case HexCodec.Decoded.Valid<BigInteger>(BigInteger value) ->
          new HexCodec.Decoded.Valid<>(new BlockSelector.Number(value.longValue()));
      case HexCodec.Decoded.Invalid<BigInteger>(String reason) ->
          new HexCodec.Decoded.Invalid<>(reason);
    };
  }

  private static HexCodec.Decoded<BlockSelector> parseObject(JsonNode node) {
    JsonNode number = node.path("blockNumber");
    JsonNode hash = node.path("blockHash");
    boolean hasNumber = !number.isMissingNode() && !number.isNull();
    boolean hasHash = !hash.isMissingNode() && !hash.isNull();
    if (hasNumber && hasHash) {
      return new HexCodec.Decoded.Invalid<>(
          "cannot specify both BlockHash and BlockNumber, choose one or the other");
    }
    if (hasNumber) {
      if (!number.isString()) {
        return new HexCodec.Decoded.Invalid<>("blockNumber must be a hex string or a block tag");
      }
      return parseText(number.asString());
    }
    if (hasHash) {
      if (!hash.isString()) {
        return new HexCodec.Decoded.Invalid<>("blockHash must be a hex string");
      }
      JsonNode canonical = node.path("requireCanonical");
      if (!canonical.isMissingNode() && !canonical.isNull() && !canonical.isBoolean()) {
        return new HexCodec.Decoded.Invalid<>("requireCanonical must be a boolean");
      }
      boolean require = canonical.isBoolean() && canonical.booleanValue();
      HexCodec.Decoded<Bytes> bytes = HexCodec.decodeData(hash.asString());
      return switch (bytes) {
        case HexCodec.Decoded.Valid<Bytes>(Bytes b) when b.length() != Hash.LENGTH ->
            new HexCodec.Decoded.Invalid<>(
                "hex string has length "
                    + (hash.asString().length() - 2)
                    + ", want 64 for common.Hash");
        case HexCodec.Decoded.Valid<Bytes>(Bytes b) ->
            new HexCodec.Decoded.Valid<>(new BlockSelector.ByHash(Hash.of(b), require));
        case HexCodec.Decoded.Invalid<Bytes>(String reason) ->
            new HexCodec.Decoded.Invalid<>(reason);
      };
    }
    return new HexCodec.Decoded.Invalid<>("key missing: blockNumber or blockHash");
  }
}
