package io.paraseq.protocol.program;

/**
 * Call data or return data that a strict Solidity ABI decoder refuses: too short, a value with
 * dirty high bits, a dynamic value's offset or length out of bounds. A program answers it the way
 * solc's decoder does: a revert with empty data.
 */
public final class AbiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A refusal described by {@code message} (naming the offending value and where it sits). */
  public AbiException(String message) {
    super(message);
  }
}
