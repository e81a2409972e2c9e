package io.paraseq.protocol.block;

/** The EIP-658 outcome of a transaction: encoded as the integer 1 for success, 0 for failure. */
public enum ReceiptStatus {
  /** Reverted or out of gas; encoded as 0 (the empty string). */
  FAILURE,
  /** Executed; encoded as 1. */
  SUCCESS;

  /** The status for a boolean outcome. */
  public static ReceiptStatus of(boolean success) {
    return success ? SUCCESS : FAILURE;
  }

  int code() {
    return this == SUCCESS ? 1 : 0;
  }
}
