package io.paraseq.protocol.program;

import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * One call into a native program, what {@link NativePrograms#execute} runs. Immutable.
 *
 * @param program the program's address (the transaction's recipient)
 * @param codeHash the code hash of its account, naming its {@link ProgramKind}
 * @param caller {@code msg.sender}: the transaction's sender or the call's {@code from}
 * @param value the wei sent along; no program is payable, so anything but zero reverts
 * @param data the call data
 * @param gas the gas the program may use: the gas limit minus the intrinsic gas, unsigned
 * @param timestamp the block timestamp, seconds, unsigned 64-bit
 * @param accessList the EIP-2930 access list: its addresses and slots start warm
 */
public record ProgramCall(
    Address program,
    Hash codeHash,
    Address caller,
    Wei value,
    Bytes data,
    long gas,
    long timestamp,
    List<AccessListEntry> accessList) {

  /** Copies the access list and requires every component. */
  public ProgramCall {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
  }
}
