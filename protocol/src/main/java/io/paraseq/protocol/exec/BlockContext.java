package io.paraseq.protocol.exec;

import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import java.util.List;
import java.util.Objects;

/**
 * What a block's execution may depend on besides the state and the transactions: the fields the
 * block producer fixes before executing. Immutable.
 *
 * @param number the block number, unsigned 64-bit
 * @param timestamp seconds since the Unix epoch, unsigned 64-bit
 * @param feeRecipient who receives base fee and priority fee (DESIGN.md §3: nothing is burned)
 * @param baseFee the block's EIP-1559 base fee
 * @param gasLimit the block's gas limit, unsigned 64-bit
 * @param chainId the chain every user transaction must be signed for
 */
public record BlockContext(
    long number,
    long timestamp,
    Address feeRecipient,
    Wei baseFee,
    long gasLimit,
    ChainId chainId) {

  /** Requires every component. */
  public BlockContext {
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(chainId, "chainId");
  }

  /**
   * Checks the precondition of {@link BlockExecutor#execute}: the gas limits of {@code ordered} add
   * up to at most {@link #gasLimit()} (unsigned, without overflow). With it, whether a transaction
   * fits never depends on what earlier transactions used, so each outcome depends only on the state
   * it reads (what Block-STM needs).
   *
   * @throws IllegalArgumentException naming the sum and the limit if the block is over-full
   */
  public void requireGasLimitsFit(List<VerifiedTransaction> ordered) {
    long sum = 0;
    for (VerifiedTransaction tx : ordered) {
      long next = sum + tx.transaction().gasLimit();
      if (Long.compareUnsigned(next, sum) < 0 || Long.compareUnsigned(next, gasLimit) > 0) {
        throw new IllegalArgumentException(
            "gas limits of the "
                + ordered.size()
                + " transactions exceed the block gas limit "
                + Long.toUnsignedString(gasLimit)
                + " at transaction "
                + tx.hash());
      }
      sum = next;
    }
  }
}
