package io.paraseq.sequencer.chain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a genesis allocation file ({@code paraseq.chain.genesis-alloc-file}): the {@code alloc}
 * object of a geth genesis file, {@code {"0xaddr": {"balance": "0x…" or "123", "nonce": "0x…",
 * "storage": {"0xslot": "0xvalue"}}}}. The structure is checked strictly here (an object of
 * objects, known fields only, no duplicate keys, strings or integers where numbers go); the values
 * are checked by {@link AllocEntry}, the same rules as inline accounts.
 */
final class GenesisAllocFile {

  private static final Set<String> FIELDS = Set.of("balance", "nonce", "storage", "code");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private GenesisAllocFile() {}

  /**
   * The file's entries, in file order.
   *
   * @throws GenesisAllocException if the file cannot be read, is not JSON, or is not an allocation
   */
  static List<AllocEntry> read(Path file) {
    String origin = "paraseq.chain.genesis-alloc-file " + file;
    if (!Files.isRegularFile(file)) {
      throw new GenesisAllocException(origin + ": no such file");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new GenesisAllocException(origin + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new GenesisAllocException(
          origin + ": the file must hold one JSON object of address → account");
    }
    if (root.has("alloc") && root.get("alloc").isObject()) {
      throw new GenesisAllocException(
          origin
              + ": this looks like a whole genesis file; give only its \"alloc\" object (chain id,"
              + " gas limit and base fee are paraseq.chain settings)");
    }
    List<AllocEntry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      entries.add(entry(origin, e.getKey(), e.getValue()));
    }
    return entries;
  }

  private static AllocEntry entry(String origin, String address, JsonNode account) {
    String where = origin + ": account " + address;
    if (!account.isObject()) {
      throw new GenesisAllocException(where + " must be an object with a \"balance\"");
    }
    for (String field : account.propertyNames()) {
      if (!FIELDS.contains(field)) {
        throw new GenesisAllocException(
            where + " has unknown field \"" + field + "\" (known: balance, nonce, storage, code)");
      }
    }
    return new AllocEntry(
        origin,
        address,
        number(where, "balance", account.get("balance")),
        number(where, "nonce", account.get("nonce")),
        storage(where, account.get("storage")),
        text(where, "code", account.get("code")));
  }

  /** A string as written, or a JSON integer as decimal text. */
  private static Optional<String> number(String where, String field, JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isString()) {
      return Optional.of(node.stringValue());
    }
    if (node.isIntegralNumber()) {
      return Optional.of(node.bigIntegerValue().toString());
    }
    throw new GenesisAllocException(
        where + ": \"" + field + "\" must be a string or an integer, got " + node);
  }

  private static Optional<String> text(String where, String field, JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw new GenesisAllocException(where + ": \"" + field + "\" must be a string, got " + node);
    }
    return Optional.of(node.stringValue());
  }

  private static Map<String, String> storage(String where, JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new GenesisAllocException(where + ": \"storage\" must be an object of slot → value");
    }
    Map<String, String> slots = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> slot : node.properties()) {
      if (!slot.getValue().isString()) {
        throw new GenesisAllocException(
            where + ": storage slot " + slot.getKey() + " must be a string value");
      }
      slots.put(slot.getKey(), slot.getValue().stringValue());
    }
    return slots;
  }
}
