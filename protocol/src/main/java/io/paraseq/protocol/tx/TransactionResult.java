package io.paraseq.protocol.tx;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of decoding or checking a transaction: a value, or the {@link Rejection} that says
 * why there is none. Handle it with an exhaustive {@code switch} over {@link Valid} and {@link
 * Invalid}.
 *
 * @param <T> the type of the value
 */
public sealed interface TransactionResult<T>
    permits TransactionResult.Valid, TransactionResult.Invalid {

  /** A value. */
  static <T> TransactionResult<T> valid(T value) {
    return new Valid<>(value);
  }

  /** A rejection. */
  static <T> TransactionResult<T> invalid(Rejection rejection) {
    return new Invalid<>(rejection);
  }

  /** A rejection for {@code reason}, described by {@code detail}. */
  static <T> TransactionResult<T> invalid(InvalidTransaction reason, String detail) {
    return new Invalid<>(Rejection.of(reason, detail));
  }

  /** Whether this result carries a value. */
  default boolean isValid() {
    return this instanceof Valid;
  }

  /** The rejection, or empty for a value. */
  default Optional<Rejection> rejectionIfInvalid() {
    return this instanceof Invalid<T> invalid ? Optional.of(invalid.rejection()) : Optional.empty();
  }

  /** The value, or empty for a rejection. */
  default Optional<T> valueIfValid() {
    return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
  }

  /** Applies {@code next} to the value; a rejection passes through. */
  default <U> TransactionResult<U> flatMap(Function<? super T, TransactionResult<U>> next) {
    return switch (this) {
      case Valid<T> valid -> next.apply(valid.value());
      case Invalid<T> invalid -> new Invalid<>(invalid.rejection());
    };
  }

  /** Transforms the value; a rejection passes through. */
  default <U> TransactionResult<U> map(Function<? super T, U> mapper) {
    return flatMap(value -> valid(mapper.apply(value)));
  }

  /**
   * The value.
   *
   * @throws IllegalStateException with the rejection's message, if this is {@link Invalid}
   */
  default T orElseThrow() {
    return switch (this) {
      case Valid<T> valid -> valid.value();
      case Invalid<T> invalid -> throw new IllegalStateException(invalid.rejection().message());
    };
  }

  /**
   * A value.
   *
   * @param value the value
   * @param <T> its type
   */
  record Valid<T>(T value) implements TransactionResult<T> {
    /** Requires a value. */
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A rejection.
   *
   * @param rejection why
   * @param <T> the type the value would have had
   */
  record Invalid<T>(Rejection rejection) implements TransactionResult<T> {
    /** Requires a rejection. */
    public Invalid {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
