package io.paraseq.batcher.derive;

import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import java.time.Duration;
import java.util.Objects;

/**
 * The verifier's settings (the node binds them from {@code paraseq.verifier.*} and {@code
 * paraseq.l1.rollup-address}; sequencer/README.md lists them).
 *
 * @param rollup the Rollup contract whose batches are followed
 * @param chainId the L2 chain id (v1 and v2 batches imply it for every transaction)
 * @param startL1Block the first L1 block to read logs from on an empty schema (the Rollup's
 *     deployment block or earlier)
 * @param confirmationDepth an L1 block is read once it is this deep ({@code head − block + 1 ≥
 *     depth}, as the batcher's transaction manager counts); at least 1
 * @param maxLogRange the most L1 blocks one {@code eth_getLogs} spans; at least 1
 * @param pollInterval the time between two rounds
 */
public record VerifierConfig(
    Address rollup,
    ChainId chainId,
    long startL1Block,
    int confirmationDepth,
    long maxLogRange,
    Duration pollInterval) {

  /** Checks the ranges. */
  public VerifierConfig {
    Objects.requireNonNull(rollup, "rollup");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (startL1Block < 0) {
      throw new IllegalArgumentException("start L1 block must be >= 0, got " + startL1Block);
    }
    if (confirmationDepth < 1) {
      throw new IllegalArgumentException(
          "confirmation depth must be >= 1, got " + confirmationDepth);
    }
    if (maxLogRange < 1) {
      throw new IllegalArgumentException("max log range must be >= 1, got " + maxLogRange);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
    }
  }
}
