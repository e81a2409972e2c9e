package io.paraseq.protocol.chain;

import io.paraseq.protocol.block.BaseFeeRules;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import java.util.Objects;

/**
 * The consensus parameters of a Paraseq chain: what every block of it agrees on. Immutable.
 *
 * @param chainId the chain id user transactions are signed for
 * @param gasLimit the gas limit of every block, unsigned 64-bit
 * @param baseFeeRules how the base fee moves from block to block
 * @param initialBaseFee the base fee of the genesis block, at least the rules' floor
 * @param feeRecipient who receives every block's fees
 * @param l1FeeScalar the L1 data fee scalar, parts per million ({@link L1DataFee}); a verifier must
 *     use the sequencer's value, as it must use its chain id
 */
public record ChainConfig(
    ChainId chainId,
    long gasLimit,
    BaseFeeRules baseFeeRules,
    Wei initialBaseFee,
    Address feeRecipient,
    long l1FeeScalar) {

  /**
   * Checks the parameters.
   *
   * @throws IllegalArgumentException if the gas target (gas limit / elasticity) is zero, the
   *     initial base fee is below the floor, or the L1 fee scalar is out of range
   */
  public ChainConfig {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(baseFeeRules, "baseFeeRules");
    Objects.requireNonNull(initialBaseFee, "initialBaseFee");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    L1DataFee.requireScalar(l1FeeScalar);
    if (Long.divideUnsigned(gasLimit, baseFeeRules.elasticity()) == 0) {
      throw new IllegalArgumentException(
          "gas limit "
              + Long.toUnsignedString(gasLimit)
              + " leaves no gas target at elasticity "
              + baseFeeRules.elasticity());
    }
    if (initialBaseFee.compareTo(baseFeeRules.floor()) < 0) {
      throw new IllegalArgumentException(
          "initial base fee " + initialBaseFee + " is below the floor " + baseFeeRules.floor());
    }
  }

  /** A chain whose L1 data fee scalar is {@link L1DataFee#SCALAR_ONE} (the fee at cost). */
  public ChainConfig(
      ChainId chainId,
      long gasLimit,
      BaseFeeRules baseFeeRules,
      Wei initialBaseFee,
      Address feeRecipient) {
    this(chainId, gasLimit, baseFeeRules, initialBaseFee, feeRecipient, L1DataFee.SCALAR_ONE);
  }

  /**
   * The context of the block after {@code parent}: the next number, this chain's gas limit, fee
   * recipient, chain id and L1 fee scalar, the base fee {@link BaseFeeRules#next} gives for the
   * parent, and {@code l1BaseFee}, the block's own L1 base fee (the sequencer's observation of L1;
   * a verifier takes it from the block's batch).
   *
   * @throws IllegalArgumentException if {@code timestamp} is before the parent's, or {@code
   *     l1BaseFee} is above {@link L1DataFee#MAX_L1_BASE_FEE}
   */
  public BlockContext nextContext(BlockHeader parent, long timestamp, Wei l1BaseFee) {
    if (Long.compareUnsigned(timestamp, parent.timestamp()) < 0) {
      throw new IllegalArgumentException(
          "timestamp "
              + Long.toUnsignedString(timestamp)
              + " is before the parent's "
              + Long.toUnsignedString(parent.timestamp()));
    }
    return new BlockContext(
        parent.number() + 1,
        timestamp,
        feeRecipient,
        nextBaseFee(parent),
        gasLimit,
        chainId,
        l1BaseFee,
        l1FeeScalar);
  }

  /** The base fee of the block after {@code parent}. */
  public Wei nextBaseFee(BlockHeader parent) {
    return baseFeeRules.next(parent.gasUsed(), parent.gasLimit(), parent.baseFeePerGas());
  }
}
