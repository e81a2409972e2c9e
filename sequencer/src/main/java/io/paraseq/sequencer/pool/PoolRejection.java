package io.paraseq.sequencer.pool;

/** Why the pool refused a transaction; the texts are geth's. */
public enum PoolRejection {
  ALREADY_KNOWN("already known"),
  NONCE_TOO_LOW("nonce too low"),
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  FEE_CAP_TOO_LOW("transaction underpriced"),
  ACCOUNT_LIMIT("account limit exceeded"),
  POOL_FULL("txpool is full");

  private final String text;

  PoolRejection(String text) {
    this.text = text;
  }

  /** geth's error text for this reason. */
  public String text() {
    return text;
  }
}
