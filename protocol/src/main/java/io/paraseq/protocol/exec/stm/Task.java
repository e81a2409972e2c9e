package io.paraseq.protocol.exec.stm;

import java.util.Objects;

/**
 * A unit of work the {@link Scheduler} hands a worker: run or validate one incarnation. Immutable.
 *
 * @param version the transaction and incarnation
 * @param kind execute it, or validate its reads
 */
record Task(Version version, Kind kind) {

  /** The two kinds of work. */
  enum Kind {
    /** Run the incarnation and record its reads and writes. */
    EXECUTION,
    /** Re-read the incarnation's read set; abort it if any read changed. */
    VALIDATION
  }

  /** Requires both parts. */
  Task {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
  }

  static Task execution(Version version) {
    return new Task(version, Kind.EXECUTION);
  }

  static Task validation(Version version) {
    return new Task(version, Kind.VALIDATION);
  }
}
