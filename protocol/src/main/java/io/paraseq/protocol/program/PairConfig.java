package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A constant-product pair created at genesis over two configured tokens. The initial reserves are
 * minted to the pair on each token (they add to the tokens' total supplies), and the shares of that
 * first deposit go to {@code liquidityProvider} as if it had called {@code addLiquidity}: {@code
 * floor(sqrt(reserve0 × reserve1)) − 1000}, the 1000 locked to the zero address. Both reserves zero
 * makes an empty pair whose first {@code addLiquidity} sets the price. {@link ProgramGenesis}
 * validates it. Immutable.
 *
 * @param address the pair's fixed address
 * @param token0 the first token (a configured token's address)
 * @param token1 the second token, not {@code token0}
 * @param reserve0 the initial reserve of token0, in [0, 2^112-1]
 * @param reserve1 the initial reserve of token1, in [0, 2^112-1]
 * @param liquidityProvider who holds the initial shares (ignored for an empty pair)
 */
public record PairConfig(
    Address address,
    Address token0,
    Address token1,
    BigInteger reserve0,
    BigInteger reserve1,
    Address liquidityProvider) {

  /** Requires every component. */
  public PairConfig {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(token0, "token0");
    Objects.requireNonNull(token1, "token1");
    Objects.requireNonNull(reserve0, "reserve0");
    Objects.requireNonNull(reserve1, "reserve1");
    Objects.requireNonNull(liquidityProvider, "liquidityProvider");
  }
}
