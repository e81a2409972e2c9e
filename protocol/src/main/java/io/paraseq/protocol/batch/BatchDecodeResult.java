package io.paraseq.protocol.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of decoding batch data: a value, or the {@link BatchDecodeFailure} that says why
 * there is none. Handle it with an exhaustive {@code switch} over {@link Decoded} and {@link
 * Rejected}.
 *
 * @param <T> the type of the value
 */
public sealed interface BatchDecodeResult<T>
    permits BatchDecodeResult.Decoded, BatchDecodeResult.Rejected {

  /** A value. */
  static <T> BatchDecodeResult<T> decoded(T value) {
    return new Decoded<>(value);
  }

  /** A rejection. */
  static <T> BatchDecodeResult<T> rejected(BatchDecodeFailure failure) {
    return new Rejected<>(failure);
  }

  /** Whether this result carries a value. */
  default boolean isDecoded() {
    return this instanceof Decoded;
  }

  /** The failure, or empty for a value. */
  default Optional<BatchDecodeFailure> failureIfRejected() {
    return this instanceof Rejected<T> rejected
        ? Optional.of(rejected.failure())
        : Optional.empty();
  }

  /**
   * The value.
   *
   * @throws IllegalStateException with the failure's message, if this is {@link Rejected}
   */
  default T orElseThrow() {
    return switch (this) {
      case Decoded<T> decoded -> decoded.value();
      case Rejected<T> rejected -> throw new IllegalStateException(rejected.failure().message());
    };
  }

  /**
   * A value.
   *
   * @param value the value
   * @param <T> its type
   */
  record Decoded<T>(T value) implements BatchDecodeResult<T> {
    /** Requires a value. */
    public Decoded {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A rejection.
   *
   * @param failure why
   * @param <T> the type the value would have had
   */
  record Rejected<T>(BatchDecodeFailure failure) implements BatchDecodeResult<T> {
    /** Requires a failure. */
    public Rejected {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
