package io.paraseq.protocol.exec;

import io.paraseq.protocol.fee.L1DataFee;
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
 * @param l1BaseFee the L1 base fee the block's L1 data fees are computed from (the sequencer's
 *     latest observation when it built the block; batches carry it per block), at most {@link
 *     L1DataFee#MAX_L1_BASE_FEE}
 * @param l1FeeScalar the chain's L1 data fee scalar, parts per million ({@link L1DataFee})
 */
public record BlockContext(
    long number,
    long timestamp,
    Address feeRecipient,
    Wei baseFee,
    long gasLimit,
    ChainId chainId,
    Wei l1BaseFee,
    long l1FeeScalar) {

  /**
   * Requires every component and checks the L1 fee parameters.
   *
   * @throws IllegalArgumentException if the L1 base fee or the scalar is out of range
   */
  public BlockContext {
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(chainId, "chainId");
    L1DataFee.requireL1BaseFee(l1BaseFee);
    L1DataFee.requireScalar(l1FeeScalar);
  }

  /**
   * A context without an L1 data fee: L1 base fee 0 (the scalar is {@link L1DataFee#SCALAR_ONE}).
   */
  public BlockContext(
      long number,
      long timestamp,
      Address feeRecipient,
      Wei baseFee,
      long gasLimit,
      ChainId chainId) {
    this(
        number,
        timestamp,
        feeRecipient,
        baseFee,
        gasLimit,
        chainId,
        Wei.ZERO,
        L1DataFee.SCALAR_ONE);
  }

  /**
   * The L1 data fee {@code tx} pays in this block ({@link L1DataFee#of(VerifiedTransaction, Wei,
   * long)}): zero for a deposit.
   */
  public Wei l1Fee(VerifiedTransaction tx) {
    return L1DataFee.of(tx, l1BaseFee, l1FeeScalar);
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
