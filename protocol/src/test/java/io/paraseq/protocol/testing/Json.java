package io.paraseq.protocol.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON value, for the reference-vector runners (protocol may not depend on Jackson).
 *
 * <p>Objects keep their key order; numbers keep their exact text. Parse with {@link #parse}.
 */
public sealed interface Json {

  /** Parses exactly one JSON value (RFC 8259, strict: no comments, no trailing commas). */
  static Json parse(String text) {
    return new JsonParser(text).parseDocument();
  }

  /** A JSON object; keys in document order. */
  record Obj(Map<String, Json> members) implements Json {
    public Obj {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The member {@code key}, if present. */
    public Optional<Json> get(String key) {
      return Optional.ofNullable(members.get(key));
    }

    /** The member {@code key}; fails if it is absent. */
    public Json require(String key) {
      return get(key).orElseThrow(() -> new IllegalArgumentException("missing key " + key));
    }
  }

  /** A JSON array. */
  record Arr(List<Json> elements) implements Json {
    public Arr {
      elements = List.copyOf(elements);
    }
  }

  /** A JSON string, unescaped. */
  record Str(String value) implements Json {}

  /** A JSON number, as written. */
  record Num(String text) implements Json {

    /** The value as an exact integer; fails for fractions and exponents that leave one. */
    public BigInteger bigInteger() {
      return new BigDecimal(text).toBigIntegerExact();
    }

    /** The exact value. */
    public BigDecimal decimal() {
      return new BigDecimal(text);
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements Json {}

  /** {@code null}. */
  record Null() implements Json {}

  /** This value as an object; fails with the actual kind otherwise. */
  default Obj asObject() {
    return as(Obj.class);
  }

  /** This value as an array. */
  default Arr asArray() {
    return as(Arr.class);
  }

  /** This value as a string's contents. */
  default String asString() {
    return as(Str.class).value();
  }

  private <T extends Json> T as(Class<T> kind) {
    if (!kind.isInstance(this)) {
      throw new IllegalArgumentException(
          "expected " + kind.getSimpleName() + ", got " + getClass().getSimpleName());
    }
    return kind.cast(this);
  }
}
