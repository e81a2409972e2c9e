package io.paraseq.protocol.program;

import static io.paraseq.protocol.program.Erc20ProgramTest.approve;
import static io.paraseq.protocol.program.Erc20ProgramTest.balanceOf;
import static io.paraseq.protocol.program.Erc20ProgramTest.returned;
import static io.paraseq.protocol.program.Erc20ProgramTest.topic;
import static io.paraseq.protocol.program.ProgramWorld.address;
import static io.paraseq.protocol.program.ProgramWorld.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link AmmPairProgram}: swap math, fee, guards, liquidity, reserves and events. */
class AmmPairProgramTest {

  private static final Address TOKEN_A = address(0x100);
  private static final Address TOKEN_B = address(0x101);
  private static final Address PAIR = address(0x200);
  private static final Address ALICE = address(1);
  private static final Address BOB = address(2);
  private static final Address LP = address(3);
  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  private static final BigInteger RESERVE_A = E18.multiply(BigInteger.valueOf(1_000));
  private static final BigInteger RESERVE_B = E18.multiply(BigInteger.valueOf(4_000));
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final Hash TRANSFER = Abi.eventTopic("Transfer(address,address,uint256)");
  private static final Hash SYNC = Abi.eventTopic("Sync(uint112,uint112)");
  private static final Hash SWAP =
      Abi.eventTopic("Swap(address,uint256,uint256,uint256,uint256,address)");
  private static final Hash MINT = Abi.eventTopic("Mint(address,uint256,uint256)");
  private static final Hash BURN = Abi.eventTopic("Burn(address,uint256,uint256,address)");

  private final ProgramWorld world = world(RESERVE_A, RESERVE_B);

  private static ProgramWorld world(BigInteger reserveA, BigInteger reserveB) {
    BigInteger funds = E18.multiply(BigInteger.valueOf(1_000_000));
    return new ProgramWorld(
        List.of(
            TokenConfig.of(TOKEN_A, "Token A", "TKA", 18, Map.of(ALICE, funds, BOB, funds)),
            TokenConfig.of(TOKEN_B, "Token B", "TKB", 18, Map.of(ALICE, funds, BOB, funds))),
        List.of(new PairConfig(PAIR, TOKEN_A, TOKEN_B, reserveA, reserveB, LP)));
  }

  @Test
  void genesisFundsThePairAndGivesTheProviderTheFirstDepositsShares() {
    BigInteger shares = RESERVE_A.multiply(RESERVE_B).sqrt();

    assertThat(reserves(world)).containsExactly(RESERVE_A, RESERVE_B, BigInteger.ZERO);
    assertThat(AbiDecoder.of(world.returned(ALICE, PAIR, encode("token0()")), 1).address(0))
        .isEqualTo(TOKEN_A);
    assertThat(AbiDecoder.of(world.returned(ALICE, PAIR, encode("token1()")), 1).address(0))
        .isEqualTo(TOKEN_B);
    assertThat(world.uint(ALICE, PAIR, encode("totalSupply()"))).isEqualTo(shares);
    assertThat(world.uint(ALICE, PAIR, balanceOf(LP)))
        .isEqualTo(shares.subtract(PairMath.MINIMUM_LIQUIDITY));
    assertThat(world.uint(ALICE, PAIR, balanceOf(Address.ZERO)))
        .isEqualTo(PairMath.MINIMUM_LIQUIDITY);
    assertThat(world.uint(ALICE, TOKEN_A, balanceOf(PAIR))).isEqualTo(RESERVE_A);
    assertThat(world.uint(ALICE, TOKEN_B, encode("totalSupply()")))
        .isEqualTo(E18.multiply(BigInteger.valueOf(2_000_000)).add(RESERVE_B));
  }

  @Test
  void swapPaysTheConstantProductOutputWithThePointThreePercentFee() {
    BigInteger in = E18.multiply(BigInteger.TEN);
    BigInteger expected =
        in.multiply(BigInteger.valueOf(997))
            .multiply(RESERVE_B)
            .divide(
                RESERVE_A
                    .multiply(BigInteger.valueOf(1000))
                    .add(in.multiply(BigInteger.valueOf(997))));
    world.call(ALICE, TOKEN_A, approve(PAIR, in));
    BigInteger aliceA = world.uint(ALICE, TOKEN_A, balanceOf(ALICE));

    ProgramResult.Returned result =
        returned(world.call(ALICE, PAIR, swap(TOKEN_A, in, BigInteger.ZERO, BOB)));

    assertThat(AbiDecoder.of(result.returnData(), 1).uint256(0)).isEqualTo(expected);
    assertThat(expected).isEqualTo(new BigInteger("39486321375882451954")); // 39.49 B for 10 A
    assertThat(world.uint(ALICE, TOKEN_A, balanceOf(ALICE))).isEqualTo(aliceA.subtract(in));
    assertThat(world.uint(ALICE, TOKEN_B, balanceOf(BOB)))
        .isEqualTo(E18.multiply(BigInteger.valueOf(1_000_000)).add(expected));
    assertThat(reserves(world))
        .containsExactly(
            RESERVE_A.add(in),
            RESERVE_B.subtract(expected),
            BigInteger.valueOf(ProgramWorld.TIMESTAMP));
    assertThat(world.uint(ALICE, TOKEN_A, balanceOf(PAIR))).isEqualTo(RESERVE_A.add(in));
    assertThat(world.uint(ALICE, TOKEN_A, Erc20ProgramTest.allowance(ALICE, PAIR))).isZero();
    assertThat(result.logs())
        .containsExactly(
            Log.of(TOKEN_A, word(in), TRANSFER, topic(ALICE), topic(PAIR)),
            Log.of(TOKEN_B, word(expected), TRANSFER, topic(PAIR), topic(BOB)),
            Log.of(
                PAIR,
                new AbiEncoder()
                    .uint(RESERVE_A.add(in), 112)
                    .uint(RESERVE_B.subtract(expected), 112)
                    .encode(),
                SYNC),
            Log.of(
                PAIR,
                new AbiEncoder().uint256(in).uint256(0).uint256(0).uint256(expected).encode(),
                SWAP,
                topic(ALICE),
                topic(BOB)));
  }

  @Test
  void swapOneForZeroFillsTheOtherSideOfTheSwapEvent() {
    BigInteger in = E18;
    BigInteger expected = PairMath.amountOut(in, RESERVE_B, RESERVE_A);
    world.call(ALICE, TOKEN_B, approve(PAIR, MAX));

    ProgramResult.Returned result =
        returned(world.call(ALICE, PAIR, swap(TOKEN_B, in, expected, ALICE)));

    assertThat(result.logs().getLast().data())
        .isEqualTo(new AbiEncoder().uint256(0).uint256(in).uint256(expected).uint256(0).encode());
    assertThat(reserves(world).subList(0, 2))
        .containsExactly(RESERVE_A.subtract(expected), RESERVE_B.add(in));
    assertThat(world.uint(ALICE, TOKEN_B, Erc20ProgramTest.allowance(ALICE, PAIR))).isEqualTo(MAX);
  }

  @Test
  void theMinimumOutputGuardRevertsAndChangesNothing() {
    BigInteger in = E18;
    BigInteger quoted =
        AbiDecoder.of(
                world.returned(
                    ALICE,
                    PAIR,
                    encode(
                        "getAmountOut(address,uint256)",
                        new AbiEncoder().address(TOKEN_A).uint256(in))),
                1)
            .uint256(0);
    world.call(ALICE, TOKEN_A, approve(PAIR, in));

    ProgramResult result =
        world.call(ALICE, PAIR, swap(TOKEN_A, in, quoted.add(BigInteger.ONE), ALICE));

    assertThat(result).isInstanceOf(ProgramResult.Reverted.class);
    assertThat(((ProgramResult.Reverted) result).revertData())
        .isEqualTo(Abi.errorData("Pair: OUTPUT_BELOW_MINIMUM"));
    assertThat(reserves(world).subList(0, 2)).containsExactly(RESERVE_A, RESERVE_B);
    returned(world.call(ALICE, PAIR, swap(TOKEN_A, in, quoted, ALICE)));
  }

  @Test
  void swapGuardsRevertWithReasons() {
    world.call(ALICE, TOKEN_A, approve(PAIR, MAX));

    assertThat(reason(world.call(ALICE, PAIR, swap(PAIR, E18, BigInteger.ZERO, ALICE))))
        .isEqualTo("Pair: INVALID_TOKEN");
    assertThat(
            reason(world.call(ALICE, PAIR, swap(TOKEN_A, BigInteger.ZERO, BigInteger.ZERO, ALICE))))
        .isEqualTo("Pair: INSUFFICIENT_INPUT_AMOUNT");
    assertThat(
            reason(world.call(ALICE, PAIR, swap(TOKEN_B, BigInteger.ONE, BigInteger.ZERO, ALICE))))
        .isEqualTo("Pair: INSUFFICIENT_OUTPUT_AMOUNT");
    assertThat(reason(world.call(ALICE, PAIR, swap(TOKEN_A, E18, BigInteger.ZERO, TOKEN_B))))
        .isEqualTo("Pair: INVALID_TO");
    assertThat(reason(world.call(BOB, PAIR, swap(TOKEN_A, E18, BigInteger.ZERO, BOB))))
        .isEqualTo("ERC20: insufficient allowance");
    assertThat(
            reason(
                world.call(
                    ALICE, PAIR, swap(TOKEN_A, PairLayout.MAX_RESERVE, BigInteger.ZERO, BOB))))
        .isEqualTo("Pair: OVERFLOW");
    ProgramWorld empty = world(BigInteger.ZERO, BigInteger.ZERO);
    assertThat(reason(empty.call(ALICE, PAIR, swap(TOKEN_A, E18, BigInteger.ZERO, BOB))))
        .isEqualTo("Pair: INSUFFICIENT_LIQUIDITY");
  }

  @Property(tries = 300)
  void swapOutputMatchesTheReferenceAndNeverLowersTheProduct(
      @ForAll @LongRange(min = 1_001, max = Long.MAX_VALUE) long reserveIn,
      @ForAll @LongRange(min = 1_001, max = Long.MAX_VALUE) long reserveOut,
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long amountIn) {
    BigInteger rIn = BigInteger.valueOf(reserveIn);
    BigInteger rOut = BigInteger.valueOf(reserveOut);
    BigInteger in = BigInteger.valueOf(amountIn);
    ProgramWorld pool = world(rIn, rOut);
    pool.call(ALICE, TOKEN_A, approve(PAIR, MAX));
    BigInteger reference =
        in.multiply(BigInteger.valueOf(997))
            .multiply(rOut)
            .divide(
                rIn.multiply(BigInteger.valueOf(1000)).add(in.multiply(BigInteger.valueOf(997))));

    ProgramResult result = pool.call(ALICE, PAIR, swap(TOKEN_A, in, BigInteger.ZERO, BOB));

    if (reference.signum() == 0) {
      assertThat(reason(result)).isEqualTo("Pair: INSUFFICIENT_OUTPUT_AMOUNT");
      return;
    }
    assertThat(AbiDecoder.of(returned(result).returnData(), 1).uint256(0)).isEqualTo(reference);
    List<BigInteger> after = reserves(pool);
    assertThat(after.get(0).multiply(after.get(1))).isGreaterThanOrEqualTo(rIn.multiply(rOut));
    // without the fee the output would be at least as large
    BigInteger feeless = in.multiply(rOut).divide(rIn.add(in));
    assertThat(reference).isLessThanOrEqualTo(feeless);
  }

  @Test
  void addLiquidityTakesTheRatioMintsSharesAndEmitsMintAndSync() {
    world.call(BOB, TOKEN_A, approve(PAIR, MAX));
    world.call(BOB, TOKEN_B, approve(PAIR, MAX));
    BigInteger total = world.uint(BOB, PAIR, encode("totalSupply()"));
    BigInteger desiredA = E18.multiply(BigInteger.TEN);
    BigInteger desiredB = E18.multiply(BigInteger.valueOf(100)); // more B than the 1:4 ratio needs
    BigInteger usedB = desiredA.multiply(RESERVE_B).divide(RESERVE_A);
    BigInteger shares =
        desiredA.multiply(total).divide(RESERVE_A).min(usedB.multiply(total).divide(RESERVE_B));

    ProgramResult.Returned result =
        returned(world.call(BOB, PAIR, addLiquidity(desiredA, desiredB, desiredA, usedB, ALICE)));

    assertThat(result.returnData())
        .isEqualTo(new AbiEncoder().uint256(desiredA).uint256(usedB).uint256(shares).encode());
    assertThat(world.uint(BOB, PAIR, balanceOf(ALICE))).isEqualTo(shares);
    assertThat(world.uint(BOB, PAIR, encode("totalSupply()"))).isEqualTo(total.add(shares));
    assertThat(reserves(world).subList(0, 2))
        .containsExactly(RESERVE_A.add(desiredA), RESERVE_B.add(usedB));
    assertThat(result.logs())
        .extracting(log -> log.topics().getFirst())
        .containsExactly(TRANSFER, TRANSFER, TRANSFER, SYNC, MINT);
    assertThat(result.logs().get(2))
        .isEqualTo(Log.of(PAIR, word(shares), TRANSFER, topic(Address.ZERO), topic(ALICE)));
    assertThat(result.logs().get(4))
        .isEqualTo(
            Log.of(
                PAIR,
                new AbiEncoder().uint256(desiredA).uint256(usedB).encode(),
                MINT,
                topic(BOB)));
  }

  @Test
  void addLiquidityMinimumsRevert() {
    world.call(BOB, TOKEN_A, approve(PAIR, MAX));
    world.call(BOB, TOKEN_B, approve(PAIR, MAX));
    BigInteger a = E18;
    BigInteger b = E18.multiply(BigInteger.valueOf(4));

    assertThat(
            reason(
                world.call(
                    BOB,
                    PAIR,
                    addLiquidity(a, b.add(BigInteger.ONE), a, b.add(BigInteger.ONE), BOB))))
        .isEqualTo("Pair: INSUFFICIENT_AMOUNT_1");
    assertThat(
            reason(
                world.call(BOB, PAIR, addLiquidity(a.add(a), b, a.add(a), BigInteger.ZERO, BOB))))
        .isEqualTo("Pair: INSUFFICIENT_AMOUNT_0");
  }

  @Test
  void theFirstDepositIntoAnEmptyPairLocksTheMinimumLiquidity() {
    ProgramWorld empty = world(BigInteger.ZERO, BigInteger.ZERO);
    empty.call(BOB, TOKEN_A, approve(PAIR, MAX));
    empty.call(BOB, TOKEN_B, approve(PAIR, MAX));
    BigInteger a = BigInteger.valueOf(4_000_000);
    BigInteger b = BigInteger.valueOf(1_000_000);

    ProgramResult.Returned result =
        returned(empty.call(BOB, PAIR, addLiquidity(a, b, BigInteger.ZERO, BigInteger.ZERO, BOB)));

    BigInteger root = BigInteger.valueOf(2_000_000);
    assertThat(empty.uint(BOB, PAIR, encode("totalSupply()"))).isEqualTo(root);
    assertThat(empty.uint(BOB, PAIR, balanceOf(BOB)))
        .isEqualTo(root.subtract(PairMath.MINIMUM_LIQUIDITY));
    assertThat(empty.uint(BOB, PAIR, balanceOf(Address.ZERO)))
        .isEqualTo(PairMath.MINIMUM_LIQUIDITY);
    assertThat(result.logs()).hasSize(6); // 2 token Transfers, 2 share Transfers, Sync, Mint
    assertThat(
            reason(
                empty.call(
                    ALICE,
                    PAIR,
                    addLiquidity(
                        BigInteger.TEN, BigInteger.TEN, BigInteger.ZERO, BigInteger.ZERO, BOB))))
        .isEqualTo("ERC20: insufficient allowance");
  }

  @Test
  void removeLiquidityPaysTheShareOfTheReservesAndEmitsBurn() {
    BigInteger total = world.uint(LP, PAIR, encode("totalSupply()"));
    BigInteger burn = total.divide(BigInteger.TEN);
    BigInteger outA = burn.multiply(RESERVE_A).divide(total);
    BigInteger outB = burn.multiply(RESERVE_B).divide(total);

    ProgramResult.Returned result =
        returned(world.call(LP, PAIR, removeLiquidity(burn, outA, outB, ALICE)));

    assertThat(result.returnData())
        .isEqualTo(new AbiEncoder().uint256(outA).uint256(outB).encode());
    assertThat(world.uint(LP, PAIR, encode("totalSupply()"))).isEqualTo(total.subtract(burn));
    assertThat(reserves(world).subList(0, 2))
        .containsExactly(RESERVE_A.subtract(outA), RESERVE_B.subtract(outB));
    assertThat(world.uint(LP, TOKEN_A, balanceOf(ALICE)))
        .isEqualTo(E18.multiply(BigInteger.valueOf(1_000_000)).add(outA));
    assertThat(result.logs())
        .extracting(log -> log.topics().getFirst())
        .containsExactly(TRANSFER, TRANSFER, TRANSFER, SYNC, BURN);
    assertThat(result.logs().getLast())
        .isEqualTo(
            Log.of(
                PAIR,
                new AbiEncoder().uint256(outA).uint256(outB).encode(),
                BURN,
                topic(LP),
                topic(ALICE)));
  }

  @Test
  void removeLiquidityGuardsRevert() {
    BigInteger shares = world.uint(LP, PAIR, balanceOf(LP));

    assertThat(
            reason(
                world.call(
                    LP,
                    PAIR,
                    removeLiquidity(
                        shares.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, LP))))
        .isEqualTo("Pair: burn amount exceeds balance");
    assertThat(
            reason(
                world.call(
                    LP,
                    PAIR,
                    removeLiquidity(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, LP))))
        .isEqualTo("Pair: INSUFFICIENT_LIQUIDITY_BURNED");
    assertThat(
            reason(world.call(LP, PAIR, removeLiquidity(shares, RESERVE_A, BigInteger.ZERO, LP))))
        .isEqualTo("Pair: INSUFFICIENT_AMOUNT_0");
    assertThat(
            reason(world.call(LP, PAIR, removeLiquidity(shares, BigInteger.ZERO, RESERVE_B, LP))))
        .isEqualTo("Pair: INSUFFICIENT_AMOUNT_1");
  }

  @Test
  void aRevertAfterTheFirstTokenMovedDropsThatMoveToo() {
    world.call(BOB, TOKEN_A, approve(PAIR, MAX)); // but not token B
    BigInteger bobA = world.uint(BOB, TOKEN_A, balanceOf(BOB));

    assertThat(
            reason(
                world.call(
                    BOB,
                    PAIR,
                    addLiquidity(
                        E18,
                        E18.multiply(BigInteger.valueOf(4)),
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        BOB))))
        .isEqualTo("ERC20: insufficient allowance");
    assertThat(world.uint(BOB, TOKEN_A, balanceOf(BOB))).isEqualTo(bobA);
    assertThat(reserves(world).subList(0, 2)).containsExactly(RESERVE_A, RESERVE_B);
  }

  @Test
  void theReservesSlotIsPackedLikeUniswapV2() {
    Word packed = world.slot(PAIR, PairLayout.RESERVES);

    assertThat(packed.toBigInteger()).isEqualTo(RESERVE_A.add(RESERVE_B.shiftLeft(112)));
    assertThat(world.slot(PAIR, PairLayout.TOKEN0)).isEqualTo(Slots.word(TOKEN_A));
    assertThat(
            PairLayout.timestamp(
                PairLayout.packReserves(BigInteger.ONE, BigInteger.TWO, (1L << 32) + 5)))
        .isEqualTo(5);
  }

  @Test
  void aSwapCostsItsScheduledGas() {
    world.call(ALICE, TOKEN_A, approve(PAIR, BigInteger.TEN.pow(30)));

    long gas =
        returned(world.call(ALICE, PAIR, swap(TOKEN_A, E18, BigInteger.ZERO, BOB))).gasUsed();

    long mapping = ProgramGas.keccak(2);
    long coldRead = ProgramGas.COLD_SLOAD;
    long pairReads = 3 * coldRead; // token0, token1, reserves
    long innerCalls = 2 * (ProgramGas.COLD_ACCOUNT_ACCESS + ProgramGas.CALL);
    long allowance = 2 * mapping + coldRead + ProgramGas.SSTORE_RESET;
    long existingBalanceMove = mapping + coldRead + ProgramGas.SSTORE_RESET;
    long transferLog = ProgramGas.log(3, 32);
    long expected =
        ProgramGas.CALL
            + pairReads
            + innerCalls
            + allowance
            + 4 * existingBalanceMove // Alice→pair on A, pair→Bob on B
            + 2 * transferLog
            + ProgramGas.SSTORE_RESET // reserves, warm
            + ProgramGas.log(1, 64)
            + ProgramGas.log(3, 128);
    assertThat(gas).isEqualTo(expected).isEqualTo(49_950);
  }

  private static Bytes swap(Address tokenIn, BigInteger in, BigInteger minOut, Address to) {
    return encode(
        "swap(address,uint256,uint256,address)",
        new AbiEncoder().address(tokenIn).uint256(in).uint256(minOut).address(to));
  }

  private static Bytes addLiquidity(
      BigInteger a, BigInteger b, BigInteger minA, BigInteger minB, Address to) {
    return encode(
        "addLiquidity(uint256,uint256,uint256,uint256,address)",
        new AbiEncoder().uint256(a).uint256(b).uint256(minA).uint256(minB).address(to));
  }

  private static Bytes removeLiquidity(
      BigInteger shares, BigInteger minA, BigInteger minB, Address to) {
    return encode(
        "removeLiquidity(uint256,uint256,uint256,address)",
        new AbiEncoder().uint256(shares).uint256(minA).uint256(minB).address(to));
  }

  private static List<BigInteger> reserves(ProgramWorld world) {
    AbiDecoder out = AbiDecoder.of(world.returned(ALICE, PAIR, encode("getReserves()")), 3);
    return List.of(out.uint(0, 112), out.uint(1, 112), out.uint(2, 32));
  }

  private static String reason(ProgramResult result) {
    assertThat(result).isInstanceOf(ProgramResult.Reverted.class);
    return Abi.revertReason(((ProgramResult.Reverted) result).revertData()).orElseThrow();
  }

  private static Bytes word(BigInteger value) {
    return new AbiEncoder().uint256(value).encode();
  }
}
