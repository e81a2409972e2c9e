package io.paraseq.batcher.l1;

import java.util.List;
import java.util.Locale;

/**
 * Why an L1 node refused {@code eth_sendRawTransaction}, classified from its error text. The one
 * table of the texts geth, reth and anvil answer with.
 */
public enum SendRejection {
  /** The nonce is already used on chain: maybe by one of our own attempts. */
  NONCE_TOO_LOW(List.of("nonce too low")),
  /** The node already holds exactly this transaction: as good as accepted. */
  ALREADY_KNOWN(List.of("already known", "already imported", "known transaction")),
  /** Another transaction with this nonce is pending and this one does not pay 10 % more. */
  REPLACEMENT_UNDERPRICED(
      List.of("replacement transaction underpriced", "insufficient gas price to replace")),
  /** The fee cap is below the node's minimum or the block base fee. */
  FEE_TOO_LOW(
      List.of(
          "transaction underpriced",
          "max fee per gas less than block base fee",
          "fee cap less than block base fee",
          "feecap too low")),
  /** Anything else (insufficient funds, gas limit, malformed): not fixed by resending. */
  OTHER(List.of());

  private final List<String> texts;

  SendRejection(List<String> texts) {
    this.texts = texts;
  }

  /** The reason for a node's error message; {@link #OTHER} when no known text matches. */
  public static SendRejection classify(String message) {
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    for (SendRejection reason : values()) {
      for (String known : reason.texts) {
        if (text.contains(known)) {
          return reason;
        }
      }
    }
    return OTHER;
  }

  /** True when a higher fee may make the node accept the transaction. */
  public boolean fixedByHigherFee() {
    return this == REPLACEMENT_UNDERPRICED || this == FEE_TOO_LOW;
  }
}
