package io.paraseq.protocol.tx;

/**
 * A chain id, as signed into every replay-protected transaction (EIP-155, EIP-2930, EIP-1559).
 *
 * <p>The range is [1, {@link #MAX}]: zero identifies no chain, and EIP-2294 bounds chain ids so
 * that a legacy {@code v = 2·chainId + 36} still fits in an unsigned 64-bit integer.
 *
 * @param value the chain id
 */
public record ChainId(long value) {

  /** The largest chain id, floor((2^64-1) / 2) - 36 (EIP-2294). */
  public static final long MAX = Long.MAX_VALUE - 36;

  /** Ethereum mainnet, the network of the ethereum/tests vectors. */
  public static final ChainId MAINNET = new ChainId(1);

  /** Paraseq's default L2 chain id (DESIGN.md §3). */
  public static final ChainId PARASEQ_DEFAULT = new ChainId(3195);

  /**
   * Checks the range.
   *
   * @throws IllegalArgumentException if {@code value} is outside [1, {@link #MAX}]
   */
  public ChainId {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("chain id must be in [1, " + MAX + "], got " + value);
    }
  }

  /** The chain id {@code value}. */
  public static ChainId of(long value) {
    return new ChainId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
