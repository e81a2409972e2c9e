package io.paraseq.protocol.program;

import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.Map;

/**
 * The native constant-product AMM pair over two {@link Erc20Program} tokens, Uniswap V2's rules in
 * one call each: the caller {@code approve}s the pair on the token(s), then calls {@code swap},
 * {@code addLiquidity} or {@code removeLiquidity}; the pair pulls tokens with the token's {@code
 * transferFrom} rules and pays out with its {@code transfer} rules ({@link Erc20Ledger}, events
 * from the token's address, each an inner call charged by {@link ProgramContext#enter}). Reserves
 * track what the pair accounted for; tokens sent to it directly stay unaccounted. Liquidity shares
 * are not transferable. State is in {@link PairLayout}'s slots; math in {@link PairMath}.
 * Stateless.
 *
 * <pre>{@code
 * event Mint(address indexed sender, uint256 amount0, uint256 amount1);
 * event Burn(address indexed sender, uint256 amount0, uint256 amount1, address indexed to);
 * event Swap(address indexed sender, uint256 amount0In, uint256 amount1In,
 *            uint256 amount0Out, uint256 amount1Out, address indexed to);
 * event Sync(uint112 reserve0, uint112 reserve1);
 * event Transfer(address indexed from, address indexed to, uint256 value); // shares
 * function token0() external view returns (address);
 * function token1() external view returns (address);
 * function getReserves() external view
 *     returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);
 * function totalSupply() external view returns (uint256);
 * function balanceOf(address owner) external view returns (uint256);
 * function getAmountOut(address tokenIn, uint256 amountIn) external view returns (uint256);
 * function swap(address tokenIn, uint256 amountIn, uint256 minAmountOut, address to)
 *     external returns (uint256 amountOut);
 * function addLiquidity(uint256 amount0Desired, uint256 amount1Desired,
 *     uint256 amount0Min, uint256 amount1Min, address to)
 *     external returns (uint256 amount0, uint256 amount1, uint256 liquidity);
 * function removeLiquidity(uint256 liquidity, uint256 amount0Min, uint256 amount1Min, address to)
 *     external returns (uint256 amount0, uint256 amount1);
 * }</pre>
 */
final class AmmPairProgram implements Program {

  static final Hash MINT_EVENT = Abi.eventTopic("Mint(address,uint256,uint256)");
  static final Hash BURN_EVENT = Abi.eventTopic("Burn(address,uint256,uint256,address)");
  static final Hash SWAP_EVENT =
      Abi.eventTopic("Swap(address,uint256,uint256,uint256,uint256,address)");
  static final Hash SYNC_EVENT = Abi.eventTopic("Sync(uint112,uint112)");

  private static final FunctionTable FUNCTIONS =
      new FunctionTable(
          Map.of(
              "token0()", AmmPairProgram::token0,
              "token1()", AmmPairProgram::token1,
              "getReserves()", AmmPairProgram::getReserves,
              "totalSupply()", AmmPairProgram::totalSupply,
              "balanceOf(address)", AmmPairProgram::balanceOf,
              "getAmountOut(address,uint256)", AmmPairProgram::getAmountOut,
              "swap(address,uint256,uint256,address)", AmmPairProgram::swap,
              "addLiquidity(uint256,uint256,uint256,uint256,address)", AmmPairProgram::addLiquidity,
              "removeLiquidity(uint256,uint256,uint256,address)", AmmPairProgram::removeLiquidity));

  @Override
  public Bytes run(ProgramContext context, Address self, Address caller, Bytes data) {
    return FUNCTIONS.dispatch(context, self, caller, data);
  }

  private static Bytes token0(ProgramContext context, Address self, Address caller, Bytes data) {
    return new AbiEncoder().address(Slots.address(context.load(self, PairLayout.TOKEN0))).encode();
  }

  private static Bytes token1(ProgramContext context, Address self, Address caller, Bytes data) {
    return new AbiEncoder().address(Slots.address(context.load(self, PairLayout.TOKEN1))).encode();
  }

  private static Bytes getReserves(
      ProgramContext context, Address self, Address caller, Bytes data) {
    Word packed = context.load(self, PairLayout.RESERVES);
    return new AbiEncoder()
        .uint(PairLayout.reserve0(packed), 112)
        .uint(PairLayout.reserve1(packed), 112)
        .uint(BigInteger.valueOf(PairLayout.timestamp(packed)), 32)
        .encode();
  }

  private static Bytes totalSupply(
      ProgramContext context, Address self, Address caller, Bytes data) {
    return new AbiEncoder()
        .uint256(context.load(self, PairLayout.TOTAL_SHARES).toBigInteger())
        .encode();
  }

  private static Bytes balanceOf(ProgramContext context, Address self, Address caller, Bytes data) {
    Address holder = AbiDecoder.arguments(data, 1).address(0);
    Hash slot = context.mapping(PairLayout.SHARES, holder);
    return new AbiEncoder().uint256(context.load(self, slot).toBigInteger()).encode();
  }

  private static Bytes getAmountOut(
      ProgramContext context, Address self, Address caller, Bytes data) {
    AbiDecoder args = AbiDecoder.arguments(data, 2);
    Trade trade = Trade.price(context, self, args.address(0), args.uint256(1));
    return new AbiEncoder().uint256(trade.amountOut()).encode();
  }

  private static Bytes swap(ProgramContext context, Address self, Address caller, Bytes data) {
    AbiDecoder args = AbiDecoder.arguments(data, 4);
    BigInteger minAmountOut = args.uint256(2);
    Address to = args.address(3);
    Trade trade = Trade.price(context, self, args.address(0), args.uint256(1));
    if (trade.amountOut().compareTo(minAmountOut) < 0) {
      throw Halt.reason("Pair: OUTPUT_BELOW_MINIMUM");
    }
    if (to.equals(trade.tokenIn()) || to.equals(trade.tokenOut())) {
      throw Halt.reason("Pair: INVALID_TO");
    }
    BigInteger newReserveIn = requireReserve(trade.reserveIn().add(trade.amountIn()));
    BigInteger newReserveOut = trade.reserveOut().subtract(trade.amountOut());
    pull(context, self, trade.tokenIn(), caller, trade.amountIn());
    push(context, self, trade.tokenOut(), to, trade.amountOut());
    BigInteger zero = BigInteger.ZERO;
    if (trade.zeroForOne()) {
      sync(context, self, newReserveIn, newReserveOut);
      swapEvent(context, self, caller, to, trade.amountIn(), zero, zero, trade.amountOut());
    } else {
      sync(context, self, newReserveOut, newReserveIn);
      swapEvent(context, self, caller, to, zero, trade.amountIn(), trade.amountOut(), zero);
    }
    return new AbiEncoder().uint256(trade.amountOut()).encode();
  }

  /**
   * What adding and removing liquidity read first, in this order (the order fixes which loads are
   * cold for gas): the two tokens, the packed reserves, the share supply.
   */
  private record Liquidity(
      Address token0,
      Address token1,
      BigInteger reserve0,
      BigInteger reserve1,
      BigInteger totalShares) {

    static Liquidity load(ProgramContext context, Address self) {
      Address token0 = Slots.address(context.load(self, PairLayout.TOKEN0));
      Address token1 = Slots.address(context.load(self, PairLayout.TOKEN1));
      Word packed = context.load(self, PairLayout.RESERVES);
      BigInteger total = context.load(self, PairLayout.TOTAL_SHARES).toBigInteger();
      return new Liquidity(
          token0, token1, PairLayout.reserve0(packed), PairLayout.reserve1(packed), total);
    }
  }

  private static Bytes addLiquidity(
      ProgramContext context, Address self, Address caller, Bytes data) {
    AbiDecoder args = AbiDecoder.arguments(data, 5);
    BigInteger desired0 = args.uint256(0);
    BigInteger desired1 = args.uint256(1);
    BigInteger min0 = args.uint256(2);
    BigInteger min1 = args.uint256(3);
    Address to = args.address(4);
    Liquidity pool = Liquidity.load(context, self);
    BigInteger total = pool.totalShares();
    Deposit deposit = Deposit.of(desired0, desired1, pool.reserve0(), pool.reserve1(), total);
    BigInteger amount0 = deposit.amount0();
    BigInteger amount1 = deposit.amount1();
    BigInteger liquidity = deposit.liquidity();
    if (amount0.compareTo(min0) < 0) {
      throw Halt.reason("Pair: INSUFFICIENT_AMOUNT_0");
    }
    if (amount1.compareTo(min1) < 0) {
      throw Halt.reason("Pair: INSUFFICIENT_AMOUNT_1");
    }
    if (liquidity.signum() <= 0) {
      throw Halt.reason("Pair: INSUFFICIENT_LIQUIDITY_MINTED");
    }
    BigInteger newReserve0 = requireReserve(pool.reserve0().add(amount0));
    BigInteger newReserve1 = requireReserve(pool.reserve1().add(amount1));
    pull(context, self, pool.token0(), caller, amount0);
    pull(context, self, pool.token1(), caller, amount1);
    if (total.signum() == 0) {
      total = mintShares(context, self, Address.ZERO, total, PairMath.MINIMUM_LIQUIDITY);
    }
    mintShares(context, self, to, total, liquidity);
    sync(context, self, newReserve0, newReserve1);
    context.log(
        self,
        new AbiEncoder().uint256(amount0).uint256(amount1).encode(),
        MINT_EVENT,
        Erc20Ledger.topic(caller));
    return new AbiEncoder().uint256(amount0).uint256(amount1).uint256(liquidity).encode();
  }

  private static Bytes removeLiquidity(
      ProgramContext context, Address self, Address caller, Bytes data) {
    AbiDecoder args = AbiDecoder.arguments(data, 4);
    BigInteger liquidity = args.uint256(0);
    BigInteger min0 = args.uint256(1);
    BigInteger min1 = args.uint256(2);
    Address to = args.address(3);
    Liquidity pool = Liquidity.load(context, self);
    BigInteger total = pool.totalShares();
    Hash sharesSlot = context.mapping(PairLayout.SHARES, caller);
    BigInteger shares = context.load(self, sharesSlot).toBigInteger();
    if (shares.compareTo(liquidity) < 0) {
      throw Halt.reason("Pair: burn amount exceeds balance");
    }
    BigInteger amount0 =
        total.signum() == 0 ? total : liquidity.multiply(pool.reserve0()).divide(total);
    BigInteger amount1 =
        total.signum() == 0 ? total : liquidity.multiply(pool.reserve1()).divide(total);
    if (amount0.signum() == 0 || amount1.signum() == 0) {
      throw Halt.reason("Pair: INSUFFICIENT_LIQUIDITY_BURNED");
    }
    if (amount0.compareTo(min0) < 0) {
      throw Halt.reason("Pair: INSUFFICIENT_AMOUNT_0");
    }
    if (amount1.compareTo(min1) < 0) {
      throw Halt.reason("Pair: INSUFFICIENT_AMOUNT_1");
    }
    context.store(self, sharesSlot, Word.of(shares.subtract(liquidity)));
    context.store(self, PairLayout.TOTAL_SHARES, Word.of(total.subtract(liquidity)));
    context.log(
        self,
        Erc20Ledger.word(liquidity),
        Erc20Ledger.TRANSFER_EVENT,
        Erc20Ledger.topic(caller),
        Erc20Ledger.topic(Address.ZERO));
    push(context, self, pool.token0(), to, amount0);
    push(context, self, pool.token1(), to, amount1);
    sync(context, self, pool.reserve0().subtract(amount0), pool.reserve1().subtract(amount1));
    context.log(
        self,
        new AbiEncoder().uint256(amount0).uint256(amount1).encode(),
        BURN_EVENT,
        Erc20Ledger.topic(caller),
        Erc20Ledger.topic(to));
    return new AbiEncoder().uint256(amount0).uint256(amount1).encode();
  }

  /** Adds {@code amount} shares to {@code to}, emitting {@code Transfer(0, to, amount)}. */
  private static BigInteger mintShares(
      ProgramContext context, Address self, Address to, BigInteger total, BigInteger amount) {
    Hash slot = context.mapping(PairLayout.SHARES, to);
    BigInteger balance = context.load(self, slot).toBigInteger();
    context.store(self, slot, Word.of(balance.add(amount)));
    BigInteger newTotal = total.add(amount);
    context.store(self, PairLayout.TOTAL_SHARES, Word.of(newTotal));
    context.log(
        self,
        Erc20Ledger.word(amount),
        Erc20Ledger.TRANSFER_EVENT,
        Erc20Ledger.topic(Address.ZERO),
        Erc20Ledger.topic(to));
    return newTotal;
  }

  /** Moves {@code amount} of {@code token} from {@code owner} to the pair, as transferFrom. */
  private static void pull(
      ProgramContext context, Address self, Address token, Address owner, BigInteger amount) {
    context.enter(token);
    Erc20Ledger.transferFrom(context, token, self, owner, self, amount);
  }

  /** Moves {@code amount} of {@code token} from the pair to {@code to}, as transfer. */
  private static void push(
      ProgramContext context, Address self, Address token, Address to, BigInteger amount) {
    context.enter(token);
    Erc20Ledger.transfer(context, token, self, to, amount);
  }

  /** Stores the reserves with the block timestamp and emits {@code Sync}. */
  private static void sync(
      ProgramContext context, Address self, BigInteger reserve0, BigInteger reserve1) {
    context.store(
        self,
        PairLayout.RESERVES,
        PairLayout.packReserves(reserve0, reserve1, context.timestamp()));
    context.log(
        self, new AbiEncoder().uint(reserve0, 112).uint(reserve1, 112).encode(), SYNC_EVENT);
  }

  private static void swapEvent(
      ProgramContext context,
      Address self,
      Address sender,
      Address to,
      BigInteger amount0In,
      BigInteger amount1In,
      BigInteger amount0Out,
      BigInteger amount1Out) {
    context.log(
        self,
        new AbiEncoder()
            .uint256(amount0In)
            .uint256(amount1In)
            .uint256(amount0Out)
            .uint256(amount1Out)
            .encode(),
        SWAP_EVENT,
        Erc20Ledger.topic(sender),
        Erc20Ledger.topic(to));
  }

  private static BigInteger requireReserve(BigInteger reserve) {
    if (reserve.compareTo(PairLayout.MAX_RESERVE) > 0) {
      throw Halt.reason("Pair: OVERFLOW");
    }
    return reserve;
  }

  /** What a deposit takes and mints, Uniswap V2 router style (see the class comment). */
  private record Deposit(BigInteger amount0, BigInteger amount1, BigInteger liquidity) {

    static Deposit of(
        BigInteger desired0,
        BigInteger desired1,
        BigInteger reserve0,
        BigInteger reserve1,
        BigInteger total) {
      if (total.signum() == 0) {
        BigInteger liquidity =
            PairMath.initialShares(desired0, desired1).subtract(PairMath.MINIMUM_LIQUIDITY);
        return new Deposit(desired0, desired1, liquidity);
      }
      BigInteger optimal1 = PairMath.quote(desired0, reserve0, reserve1);
      if (optimal1.compareTo(desired1) <= 0) {
        return new Deposit(
            desired0, optimal1, PairMath.shares(desired0, optimal1, reserve0, reserve1, total));
      }
      BigInteger optimal0 = PairMath.quote(desired1, reserve1, reserve0);
      return new Deposit(
          optimal0, desired1, PairMath.shares(optimal0, desired1, reserve0, reserve1, total));
    }
  }

  /**
   * A priced exact-input swap: which way, the reserves on each side and the output.
   *
   * @param zeroForOne whether token0 goes in
   */
  private record Trade(
      boolean zeroForOne,
      Address tokenIn,
      Address tokenOut,
      BigInteger amountIn,
      BigInteger reserveIn,
      BigInteger reserveOut,
      BigInteger amountOut) {

    /** Reads the pair and prices {@code amountIn} of {@code tokenIn}, reverting as the swap. */
    static Trade price(ProgramContext context, Address self, Address tokenIn, BigInteger amountIn) {
      Address token0 = Slots.address(context.load(self, PairLayout.TOKEN0));
      Address token1 = Slots.address(context.load(self, PairLayout.TOKEN1));
      boolean zeroForOne = tokenIn.equals(token0);
      if (!zeroForOne && !tokenIn.equals(token1)) {
        throw Halt.reason("Pair: INVALID_TOKEN");
      }
      if (amountIn.signum() == 0) {
        throw Halt.reason("Pair: INSUFFICIENT_INPUT_AMOUNT");
      }
      Word packed = context.load(self, PairLayout.RESERVES);
      BigInteger reserve0 = PairLayout.reserve0(packed);
      BigInteger reserve1 = PairLayout.reserve1(packed);
      if (reserve0.signum() == 0 || reserve1.signum() == 0) {
        throw Halt.reason("Pair: INSUFFICIENT_LIQUIDITY");
      }
      BigInteger reserveIn = zeroForOne ? reserve0 : reserve1;
      BigInteger reserveOut = zeroForOne ? reserve1 : reserve0;
      BigInteger amountOut = PairMath.amountOut(amountIn, reserveIn, reserveOut);
      if (amountOut.signum() == 0) {
        throw Halt.reason("Pair: INSUFFICIENT_OUTPUT_AMOUNT");
      }
      return new Trade(
          zeroForOne,
          tokenIn,
          zeroForOne ? token1 : token0,
          amountIn,
          reserveIn,
          reserveOut,
          amountOut);
    }
  }
}
