package io.paraseq.protocol.tx;

import java.util.Objects;

/**
 * What {@link TransactionValidator} accepts besides the chain-independent rules.
 *
 * @param chainId the chain every signed transaction must be signed for
 * @param allowUnprotectedLegacy whether legacy transactions without an EIP-155 chain id pass
 * @param allowDeposits whether deposits pass (block import: yes; user ingress: never)
 */
public record ValidationPolicy(
    ChainId chainId, boolean allowUnprotectedLegacy, boolean allowDeposits) {

  /** Requires a chain id. */
  public ValidationPolicy {
    Objects.requireNonNull(chainId, "chainId");
  }

  /** User ingress (DESIGN.md §3): replay-protected user transactions for {@code chainId} only. */
  public static ValidationPolicy userIngress(ChainId chainId) {
    return new ValidationPolicy(chainId, false, false);
  }
}
