package io.paraseq.protocol.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a secp256k1 operation: a value, or the {@link SignatureError} that explains why
 * there is none. Handle it with an exhaustive {@code switch} over {@link Ok} and {@link Err}.
 *
 * <p>A {@code byte[]} value is copied on the way in and on every read, so a result never shares a
 * mutable array with anyone.
 *
 * @param <T> the type of the value
 */
public sealed interface Secp256k1Result<T> permits Secp256k1Result.Ok, Secp256k1Result.Err {

  /** A successful result. */
  static <T> Secp256k1Result<T> ok(T value) {
    return new Ok<>(value);
  }

  /** A rejected input. */
  static <T> Secp256k1Result<T> err(SignatureError reason) {
    return new Err<>(reason);
  }

  /** Returns whether this result carries a value. */
  default boolean isOk() {
    return this instanceof Ok;
  }

  /** Returns the reason of a failed result, or empty for a successful one. */
  default Optional<SignatureError> error() {
    return this instanceof Err<T> err ? Optional.of(err.reason()) : Optional.empty();
  }

  /**
   * Returns the value.
   *
   * @throws IllegalStateException naming the reason, if this result is an {@link Err}
   */
  default T orElseThrow() {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Err<T> err -> throw new IllegalStateException("secp256k1 failure: " + err.reason());
    };
  }

  /** A value. */
  record Ok<T>(T value) implements Secp256k1Result<T> {

    /** Copies a {@code byte[]} value. */
    public Ok {
      Objects.requireNonNull(value, "value");
      value = copy(value);
    }

    /** Returns the value (a fresh copy if it is a {@code byte[]}). */
    @Override
    public T value() {
      return copy(value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ok<?> other && Objects.deepEquals(value, other.value);
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(new Object[] {value});
    }

    @Override
    public String toString() {
      return "Ok["
          + (value instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes) : value)
          + "]";
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
      return value instanceof byte[] bytes ? (T) bytes.clone() : value;
    }
  }

  /** A rejected input and the reason. */
  record Err<T>(SignatureError reason) implements Secp256k1Result<T> {

    /** Requires a reason. */
    public Err {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
