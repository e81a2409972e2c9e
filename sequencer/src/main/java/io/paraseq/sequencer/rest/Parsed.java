package io.paraseq.sequencer.rest;

import java.util.Objects;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;

/**
 * A decoded request part (a path parameter, the body), or the problem that refuses it. Resources
 * switch over it or use {@link #then(Function)}.
 */
sealed interface Parsed<T> {

  /** The resource's response computed from the value, or the problem's response. */
  ResponseEntity<?> then(Function<? super T, ResponseEntity<?>> respond);

  /**
   * A well-formed part.
   *
   * @param value the decoded value
   */
  record Ok<T>(T value) implements Parsed<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ResponseEntity<?> then(Function<? super T, ResponseEntity<?>> respond) {
      return respond.apply(value);
    }
  }

  /**
   * A malformed part.
   *
   * @param problem why it is refused
   */
  record Refused<T>(Problem problem) implements Parsed<T> {
    public Refused {
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public ResponseEntity<?> then(Function<? super T, ResponseEntity<?>> respond) {
      return Problems.response(problem);
    }
  }
}
