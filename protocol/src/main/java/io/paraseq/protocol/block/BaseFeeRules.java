package io.paraseq.protocol.block;

import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The EIP-1559 base fee of the next block, with a floor (DESIGN.md §3: "EIP-1559 base fee per L2
 * block with a floor").
 *
 * <p>With target = parentGasLimit / elasticity (integer division):
 *
 * <ul>
 *   <li>gas used = target: the base fee stays;
 *   <li>gas used &gt; target: it rises by max(1, baseFee × (used − target) / target / denominator);
 *   <li>gas used &lt; target: it falls by baseFee × (target − used) / target / denominator;
 * </ul>
 *
 * each division rounding down, exactly as in the EIP. The result is then raised to the floor if
 * below it, and capped at 2^256−1 (which no real chain reaches). With elasticity 2 and denominator
 * 8 one block moves the fee by at most 12.5 %.
 *
 * @param floor the lowest base fee ever returned
 * @param elasticity the EIP's elasticity multiplier (2 on Ethereum), at least 1
 * @param denominator the EIP's base fee change denominator (8 on Ethereum), at least 1
 */
public record BaseFeeRules(Wei floor, int elasticity, int denominator) {

  /** Ethereum's parameters, with no floor. */
  public static final BaseFeeRules ETHEREUM = new BaseFeeRules(Wei.ZERO, 2, 8);

  /**
   * Checks the parameters.
   *
   * @throws IllegalArgumentException if elasticity or denominator is below 1
   */
  public BaseFeeRules {
    Objects.requireNonNull(floor, "floor");
    if (elasticity < 1) {
      throw new IllegalArgumentException("elasticity must be at least 1, got " + elasticity);
    }
    if (denominator < 1) {
      throw new IllegalArgumentException("denominator must be at least 1, got " + denominator);
    }
  }

  /** Ethereum's elasticity and denominator with the given floor. */
  public static BaseFeeRules withFloor(Wei floor) {
    return new BaseFeeRules(floor, ETHEREUM.elasticity, ETHEREUM.denominator);
  }

  /**
   * The base fee of the block after a parent that used {@code parentGasUsed} of {@code
   * parentGasLimit} gas (both unsigned 64-bit) at {@code parentBaseFee}.
   *
   * @throws IllegalArgumentException if gas used exceeds the gas limit, or the gas target (limit /
   *     elasticity) is zero
   */
  public Wei next(long parentGasUsed, long parentGasLimit, Wei parentBaseFee) {
    Objects.requireNonNull(parentBaseFee, "parentBaseFee");
    if (Long.compareUnsigned(parentGasUsed, parentGasLimit) > 0) {
      throw new IllegalArgumentException(
          "parent gas used "
              + Long.toUnsignedString(parentGasUsed)
              + " exceeds its limit "
              + Long.toUnsignedString(parentGasLimit));
    }
    BigInteger used = unsigned(parentGasUsed);
    BigInteger target = unsigned(parentGasLimit).divide(BigInteger.valueOf(elasticity));
    if (target.signum() == 0) {
      throw new IllegalArgumentException(
          "gas target is zero for gas limit " + Long.toUnsignedString(parentGasLimit));
    }
    BigInteger base = parentBaseFee.value();
    BigInteger divisor = BigInteger.valueOf(denominator);
    BigInteger next;
    int comparison = used.compareTo(target);
    if (comparison == 0) {
      next = base;
    } else if (comparison > 0) {
      BigInteger delta = base.multiply(used.subtract(target)).divide(target).divide(divisor);
      next = base.add(delta.max(BigInteger.ONE));
    } else {
      BigInteger delta = base.multiply(target.subtract(used)).divide(target).divide(divisor);
      next = base.subtract(delta);
    }
    return Wei.of(next.max(floor.value()).min(Wei.MAX.value()));
  }

  private static BigInteger unsigned(long value) {
    return value >= 0 ? BigInteger.valueOf(value) : new BigInteger(Long.toUnsignedString(value));
  }
}
