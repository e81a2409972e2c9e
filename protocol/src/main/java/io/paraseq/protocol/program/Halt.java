package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Bytes;

/**
 * How a program stops early: a revert with data, or running out of gas. Thrown inside a program and
 * caught in one place, {@link NativePrograms#execute}, which turns it into a {@link ProgramResult};
 * it never leaves the package. Carries no stack trace (it is control flow, not a fault).
 */
abstract sealed class Halt extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private Halt(String message) {
    super(message, null, false, false);
  }

  /** A revert with {@code Error(reason)} data, as solc's {@code require(..., reason)}. */
  static Revert reason(String reason) {
    return new Revert(Abi.errorData(reason));
  }

  /** A revert with empty data, as solc's decoder and dispatcher give. */
  static Revert empty() {
    return new Revert(Bytes.EMPTY);
  }

  /** The program reverted: all its writes and logs are dropped. */
  static final class Revert extends Halt {
    private static final long serialVersionUID = 1L;

    private final transient Bytes data;

    Revert(Bytes data) {
      super("revert " + data);
      this.data = data;
    }

    /** The revert data. */
    Bytes data() {
      return data;
    }
  }

  /** A charge exceeded the gas left: all gas is used, all writes and logs are dropped. */
  static final class OutOfGas extends Halt {
    private static final long serialVersionUID = 1L;

    OutOfGas(long needed, long left) {
      super("out of gas: needed " + needed + ", left " + left);
    }
  }
}
