package io.paraseq.protocol.program;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.state.StateKey.StorageKey;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Bytes;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a program call ended. Handle it with an exhaustive {@code switch}. Immutable.
 *
 * <p>Only {@link Returned} has effects: the caller applies its writes and keeps its logs. A {@link
 * Reverted} or {@link OutOfGas} call changes no storage and emits nothing; the transaction still
 * pays for the gas used.
 */
public sealed interface ProgramResult {

  /** The gas the program used (not counting the transaction's intrinsic gas). */
  long gasUsed();

  /**
   * The call returned.
   *
   * @param gasUsed the gas used
   * @param returnData the ABI-encoded return values
   * @param logs the logs emitted, in order (the pair's include its tokens' {@code Transfer}s)
   * @param writes every storage slot written, with its final value, in key order
   */
  record Returned(
      long gasUsed, Bytes returnData, List<Log> logs, NavigableMap<StorageKey, Word> writes)
      implements ProgramResult {

    /** Copies the logs and writes and requires every component. */
    public Returned {
      Objects.requireNonNull(returnData, "returnData");
      logs = List.copyOf(logs);
      writes = Collections.unmodifiableNavigableMap(new TreeMap<>(writes));
    }
  }

  /**
   * The call reverted: {@code Error(string)} data for a failed requirement, empty data for call
   * data the ABI decoder refuses, an unknown selector or value sent to a non-payable program.
   *
   * @param gasUsed the gas used up to the revert
   * @param revertData the revert data
   */
  record Reverted(long gasUsed, Bytes revertData) implements ProgramResult {

    /** Requires the data. */
    public Reverted {
      Objects.requireNonNull(revertData, "revertData");
    }
  }

  /**
   * The call ran out of gas; it used all it had.
   *
   * @param gasUsed the gas the call was given
   */
  record OutOfGas(long gasUsed) implements ProgramResult {}
}
