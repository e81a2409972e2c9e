package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.state.StateKey;
import java.util.Objects;

/**
 * One entry of an incarnation's read set: the location and where its value came from. Immutable.
 *
 * @param key the location read
 * @param origin what validation must find again for the read to stay valid
 */
record TxRead(StateKey key, ReadOrigin origin) {

  /** Requires both parts. */
  TxRead {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(origin, "origin");
  }
}
