package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;

/**
 * A native program: code written in Java that runs at an account whose code hash names it (see
 * {@link ProgramKind}). Stateless: all its state is in storage slots reached through the {@link
 * ProgramContext}; one instance serves every account of its kind and every thread.
 */
interface Program {

  /**
   * Runs a call.
   *
   * @param context gas, storage and logs of this execution
   * @param self the program's address
   * @param caller {@code msg.sender}
   * @param data the call data (selector and ABI-encoded arguments)
   * @return the ABI-encoded return data
   * @throws Halt.Revert to revert; {@link Halt.OutOfGas} and {@link AbiException} pass through
   */
  Bytes run(ProgramContext context, Address self, Address caller, Bytes data);
}
