package io.paraseq.bench.load;

import java.util.Objects;
import java.util.Set;

/**
 * Why the target refused a transaction, and whether that is back-pressure (the generator waits a
 * little and sends it again) or final (counted as rejected).
 *
 * <p>Back-pressure: code {@code -32005} (Paraseq's "transaction ingress is busy, try again later";
 * geth's limit-exceeded code), {@code txpool is full} and {@code account limit exceeded} (geth's
 * and Paraseq's pool limits). The reason is the message up to its first colon, so geth-style
 * details ({@code nonce too low: next nonce 5, tx nonce 3}) do not split the counts.
 *
 * @param reason the message without its detail
 * @param backPressure whether sending again later may succeed
 */
record Refusal(String reason, boolean backPressure) {

  /** The JSON-RPC code of "limit exceeded" / "ingress busy". */
  static final int LIMIT_EXCEEDED = -32005;

  private static final Set<String> POOL_LIMITS = Set.of("txpool is full", "account limit exceeded");

  Refusal {
    Objects.requireNonNull(reason, "reason");
  }

  /** Classifies an error reply. */
  static Refusal of(int code, String message) {
    int colon = message.indexOf(':');
    String reason = (colon < 0 ? message : message.substring(0, colon)).strip();
    if (reason.isEmpty()) {
      reason = "error " + code;
    }
    return new Refusal(reason, code == LIMIT_EXCEEDED || POOL_LIMITS.contains(reason));
  }
}
