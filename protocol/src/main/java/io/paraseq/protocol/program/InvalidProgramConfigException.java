package io.paraseq.protocol.program;

/**
 * A native-program configuration that cannot make a genesis state: duplicate addresses, a pair over
 * an unknown token or over one token twice, decimals out of range, an empty name, a balance or
 * reserve out of range. The message names the program and the offending value. Thrown once, at
 * start-up, before any state exists.
 */
public final class InvalidProgramConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** A refusal described by {@code message}. */
  public InvalidProgramConfigException(String message) {
    super(message);
  }
}
