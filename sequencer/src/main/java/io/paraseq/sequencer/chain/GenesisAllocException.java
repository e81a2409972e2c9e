package io.paraseq.sequencer.chain;

/**
 * The configured genesis allocation (dev accounts, allocation file, inline accounts) is invalid:
 * the message names the setting or file, the account and the rule. The node refuses to start.
 */
public final class GenesisAllocException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  GenesisAllocException(String message) {
    super(message);
  }

  GenesisAllocException(String message, Throwable cause) {
    super(message, cause);
  }
}
