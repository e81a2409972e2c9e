package io.paraseq.protocol.exec.stm;

import java.util.Objects;

/** What {@link MVMemory#read} found for a transaction. Immutable. */
sealed interface ReadResult {

  /**
   * A value the reading transaction may use.
   *
   * @param origin where it came from, for validation
   * @param value the {@link io.paraseq.protocol.state.Account} or {@link
   *     io.paraseq.protocol.state.Word}
   */
  record Value(ReadOrigin origin, Object value) implements ReadResult {
    /** Requires both parts. */
    public Value {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The highest lower write is an ESTIMATE of an aborted incarnation of {@code blockingTxIndex}:
   * the reader must wait for that transaction's next incarnation.
   */
  record Blocked(int blockingTxIndex) implements ReadResult {}
}
