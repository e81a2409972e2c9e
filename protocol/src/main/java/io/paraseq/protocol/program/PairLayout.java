package io.paraseq.protocol.program;

import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;

/**
 * Where an {@link AmmPairProgram} keeps its state, as solc would lay out this contract; the
 * reserves and the timestamp share one slot packed as in Uniswap V2 ({@code reserve0} in the low
 * 112 bits, {@code reserve1} in the next 112, {@code blockTimestampLast} in the top 32).
 *
 * <pre>{@code
 * mapping(address => uint256) balanceOf; // slot 0: liquidity shares
 * uint256 totalSupply;                   // slot 1: all liquidity shares
 * address token0;                        // slot 2
 * address token1;                        // slot 3
 * uint112 reserve0;                      // slot 4, bits   0..111
 * uint112 reserve1;                      // slot 4, bits 112..223
 * uint32  blockTimestampLast;            // slot 4, bits 224..255
 * }</pre>
 */
public final class PairLayout {

  /** Slot of the liquidity-share balances mapping. */
  public static final Hash SHARES = Slots.of(0);

  /** Slot of the total liquidity shares. */
  public static final Hash TOTAL_SHARES = Slots.of(1);

  /** Slot of token0's address. */
  public static final Hash TOKEN0 = Slots.of(2);

  /** Slot of token1's address. */
  public static final Hash TOKEN1 = Slots.of(3);

  /** Slot of the packed reserves and timestamp. */
  public static final Hash RESERVES = Slots.of(4);

  /** Reserves are {@code uint112}: at most 2^112-1. */
  public static final BigInteger MAX_RESERVE =
      BigInteger.ONE.shiftLeft(112).subtract(BigInteger.ONE);

  private static final int RESERVE_BITS = 112;
  private static final int TIMESTAMP_SHIFT = 224;
  private static final BigInteger TIMESTAMP_MASK =
      BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

  private PairLayout() {}

  /** The slot of {@code holder}'s liquidity shares. */
  public static Hash shares(Address holder) {
    return Slots.mapping(SHARES, holder);
  }

  /**
   * The packed reserves word.
   *
   * @param timestamp a block timestamp; its low 32 bits are kept, as Uniswap V2's {@code uint32}
   */
  public static Word packReserves(BigInteger reserve0, BigInteger reserve1, long timestamp) {
    if (reserve0.signum() < 0 || reserve0.compareTo(MAX_RESERVE) > 0) {
      throw new IllegalArgumentException("reserve0 out of uint112: " + reserve0);
    }
    if (reserve1.signum() < 0 || reserve1.compareTo(MAX_RESERVE) > 0) {
      throw new IllegalArgumentException("reserve1 out of uint112: " + reserve1);
    }
    BigInteger time = BigInteger.valueOf(timestamp).and(TIMESTAMP_MASK);
    return Word.of(
        reserve0.or(reserve1.shiftLeft(RESERVE_BITS)).or(time.shiftLeft(TIMESTAMP_SHIFT)));
  }

  /** reserve0 of a packed word. */
  public static BigInteger reserve0(Word packed) {
    return packed.toBigInteger().and(MAX_RESERVE);
  }

  /** reserve1 of a packed word. */
  public static BigInteger reserve1(Word packed) {
    return packed.toBigInteger().shiftRight(RESERVE_BITS).and(MAX_RESERVE);
  }

  /** blockTimestampLast of a packed word. */
  public static long timestamp(Word packed) {
    return packed.toBigInteger().shiftRight(TIMESTAMP_SHIFT).longValue();
  }
}
