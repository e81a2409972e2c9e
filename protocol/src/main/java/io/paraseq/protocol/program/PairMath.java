package io.paraseq.protocol.program;

import java.math.BigInteger;

/**
 * The constant-product pair's arithmetic, exact over integers as Uniswap V2's (every division
 * rounds down, in the pool's favour). The one place of these formulas; the pair and genesis use it.
 */
public final class PairMath {

  /** Shares locked forever to the zero address by the first deposit (Uniswap V2's 10^3). */
  public static final BigInteger MINIMUM_LIQUIDITY = BigInteger.valueOf(1_000);

  private static final BigInteger FEE_NUMERATOR = BigInteger.valueOf(997);
  private static final BigInteger FEE_DENOMINATOR = BigInteger.valueOf(1_000);

  private PairMath() {}

  /**
   * The output of swapping {@code amountIn} with a 0.3 % fee: {@code amountIn × 997 × reserveOut /
   * (reserveIn × 1000 + amountIn × 997)}.
   */
  public static BigInteger amountOut(
      BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) {
    BigInteger inWithFee = amountIn.multiply(FEE_NUMERATOR);
    return inWithFee
        .multiply(reserveOut)
        .divide(reserveIn.multiply(FEE_DENOMINATOR).add(inWithFee));
  }

  /** The amount of the other token worth {@code amount} at the reserves' ratio (no fee). */
  public static BigInteger quote(BigInteger amount, BigInteger reserve, BigInteger reserveOther) {
    return amount.multiply(reserveOther).divide(reserve);
  }

  /** All shares of a first deposit: {@code floor(sqrt(amount0 × amount1))}. */
  public static BigInteger initialShares(BigInteger amount0, BigInteger amount1) {
    return amount0.multiply(amount1).sqrt();
  }

  /**
   * The shares a deposit into a funded pool mints: {@code min(amount0 × total / reserve0, amount1 ×
   * total / reserve1)}.
   */
  public static BigInteger shares(
      BigInteger amount0,
      BigInteger amount1,
      BigInteger reserve0,
      BigInteger reserve1,
      BigInteger totalShares) {
    return amount0
        .multiply(totalShares)
        .divide(reserve0)
        .min(amount1.multiply(totalShares).divide(reserve1));
  }
}
