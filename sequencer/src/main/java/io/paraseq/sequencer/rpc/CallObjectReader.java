package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a call object one by one, each with geth's decoder for its Go type ({@code
 * common.Address}, {@code hexutil.Uint64}, {@code *hexutil.Big}, {@code hexutil.Bytes}, {@code
 * types.AccessList}), and keeps the first failure with geth's text ({@code json: cannot unmarshal
 * hex string without 0x prefix into Go struct field TransactionArgs.gas of type hexutil.Uint64}). A
 * field after a failure reads as absent. One instance per object; not thread-safe.
 */
final class CallObjectReader {

  private static final String ADDRESS = "common.Address";
  private static final String HASH = "common.Hash";
  private static final String UINT64 = "hexutil.Uint64";
  private static final String BIG = "*hexutil.Big";
  private static final String BYTES = "hexutil.Bytes";
  private static final String ACCESS_LIST = "types.AccessList";

  private final JsonNode object;
  private Optional<String> failure = Optional.empty();

  CallObjectReader(JsonNode object) {
    this.object = object;
  }

  /** The first failure, if any field was malformed. */
  Optional<String> failure() {
    return failure;
  }

  Optional<Address> address(String field) {
    return field(field)
        .flatMap(node -> fixed(node, field, Address.LENGTH, ADDRESS))
        .map(Address::of);
  }

  OptionalLong uint64(String field) {
    Optional<BigInteger> value =
        field(field).flatMap(node -> decoded(node, field, UINT64, CallObjectReader::decodeUint64));
    return value.isPresent() ? OptionalLong.of(value.get().longValue()) : OptionalLong.empty();
  }

  Optional<Wei> big(String field) {
    return field(field)
        .flatMap(node -> decoded(node, field, BIG, HexCodec::decodeQuantity))
        .map(Wei::of);
  }

  Optional<Bytes> bytes(String field) {
    return field(field).flatMap(node -> decoded(node, field, BYTES, HexCodec::decodeData));
  }

  /**
   * An access list, {@code [{"address": …, "storageKeys": […]}]} (both members required, as geth's
   * {@code types.AccessTuple}); empty when absent.
   */
  List<AccessListEntry> accessList(String field) {
    Optional<JsonNode> list = field(field);
    if (list.isEmpty() || failure.isPresent()) {
      return List.of();
    }
    if (!list.get().isArray()) {
      fail(typeError(RpcParams.jsonType(list.get()), field, ACCESS_LIST));
      return List.of();
    }
    List<AccessListEntry> entries = new ArrayList<>();
    for (JsonNode entry : list.get()) {
      if (!entry.isObject()) {
        fail(typeError(RpcParams.jsonType(entry), field, "types.AccessTuple"));
        return List.of();
      }
      for (String member : List.of("address", "storageKeys")) {
        if (entry.path(member).isMissingNode() || entry.path(member).isNull()) {
          fail("missing required field '" + member + "' for AccessTuple");
          return List.of();
        }
      }
      Optional<Bytes> address =
          fixed(entry.path("address"), field + ".address", Address.LENGTH, ADDRESS);
      List<Hash> keys = storageKeys(entry.path("storageKeys"), field + ".storageKeys");
      if (failure.isPresent()) {
        return List.of();
      }
      entries.add(new AccessListEntry(Address.of(address.orElseThrow()), keys));
    }
    return entries;
  }

  private List<Hash> storageKeys(JsonNode keys, String path) {
    if (!keys.isArray()) {
      fail(typeError(RpcParams.jsonType(keys), path, "[]common.Hash"));
      return List.of();
    }
    List<Hash> out = new ArrayList<>();
    for (JsonNode key : keys) {
      fixed(key, path, Hash.LENGTH, HASH).map(Hash::of).ifPresent(out::add);
    }
    return out;
  }

  /**
   * A fixed-length hex field: geth's {@code hexutil.UnmarshalFixedJSON}, whose wrong-length error
   * is not wrapped in the struct field context.
   */
  private Optional<Bytes> fixed(JsonNode node, String field, int length, String goType) {
    Optional<Bytes> bytes = decoded(node, field, goType, HexCodec::decodeData);
    if (bytes.isPresent() && bytes.get().length() != length) {
      fail(
          "hex string has length "
              + 2 * bytes.get().length()
              + ", want "
              + 2 * length
              + " for "
              + goType);
      return Optional.empty();
    }
    return bytes;
  }

  /** A quantity of at most 64 bits (geth's {@code hexutil.Uint64}). */
  private static HexCodec.Decoded<BigInteger> decodeUint64(String text) {
    return switch (HexCodec.decodeQuantity(text)) {
      case HexCodec.Decoded.Valid<BigInteger>(BigInteger value) when value.bitLength() > 64 ->
          new HexCodec.Decoded.Invalid<>("hex number > 64 bits");
      case HexCodec.Decoded<BigInteger> other -> other;
    };
  }

  /** Decodes a string field, or records geth's error for it. */
  private <T> Optional<T> decoded(
      JsonNode node, String field, String goType, Function<String, HexCodec.Decoded<T>> decoder) {
    if (failure.isPresent()) {
      return Optional.empty();
    }
    if (!node.isString()) {
      fail(typeError("non-string", field, goType));
      return Optional.empty();
    }
    return switch (decoder.apply(node.asString())) {
      case HexCodec.Decoded.Valid<T>(T value) -> Optional.of(value);
      case HexCodec.Decoded.Invalid<T>(String reason) -> {
        fail(typeError(reason, field, goType));
        yield Optional.empty();
      }
    };
  }

  private Optional<JsonNode> field(String name) {
    JsonNode node = object.path(name);
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  private void fail(String reason) {
    if (failure.isEmpty()) {
      failure = Optional.of(reason);
    }
  }

  private static String typeError(String what, String field, String goType) {
    return "json: cannot unmarshal "
        + what
        + " into Go struct field "
        + CallArguments.STRUCT
        + "."
        + field
        + " of type "
        + goType;
  }
}
