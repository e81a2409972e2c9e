package io.paraseq.protocol.exec;

import static io.paraseq.protocol.exec.Txs.CHAIN;
import static io.paraseq.protocol.exec.Txs.ETH;
import static io.paraseq.protocol.exec.Txs.GWEI;
import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.program.Abi;
import io.paraseq.protocol.program.AbiDecoder;
import io.paraseq.protocol.program.AbiEncoder;
import io.paraseq.protocol.program.Erc20Layout;
import io.paraseq.protocol.program.PairConfig;
import io.paraseq.protocol.program.PairLayout;
import io.paraseq.protocol.program.PairMath;
import io.paraseq.protocol.program.ProgramGas;
import io.paraseq.protocol.program.ProgramGenesis;
import io.paraseq.protocol.program.TokenConfig;
import io.paraseq.protocol.state.AccountChange;
import io.paraseq.protocol.state.AccountWrite;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.StateSnapshot;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Native programs through {@link TransactionProcessor}: a {@link SequentialExecutor} block mixing
 * ETH transfers, token transfers, approvals, swaps and failing calls; revert and out-of-gas rules;
 * {@link CallExecutor} and {@link GasEstimator} on programs.
 */
class ProgramExecutionTest {

  private static final Address ALICE = address(1);
  private static final Address BOB = address(2);
  private static final Address CAROL = address(3);
  private static final Address FEE_RECIPIENT = address(0xfee);
  private static final Address TOKEN_A = address(0x100);
  private static final Address TOKEN_B = address(0x101);
  private static final Address PAIR = address(0x200);
  private static final BigInteger TEN_ETH = ETH.multiply(BigInteger.TEN);
  private static final BigInteger THOUSAND = ETH.multiply(BigInteger.valueOf(1_000));
  private static final BigInteger RESERVE_A = THOUSAND;
  private static final BigInteger RESERVE_B = THOUSAND.multiply(BigInteger.valueOf(4));
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final long BASE_FEE = GWEI;
  private static final long FEE_CAP = 2 * GWEI;
  private static final long PRICE = 2 * GWEI; // base fee + 1 gwei tip
  private static final Hash TRANSFER = Abi.eventTopic("Transfer(address,address,uint256)");
  private static final Hash APPROVAL = Abi.eventTopic("Approval(address,address,uint256)");
  private static final BlockContext CONTEXT =
      new BlockContext(7, 1_700_000_000L, FEE_RECIPIENT, Wei.of(BASE_FEE), 30_000_000, CHAIN);

  private final WorldState state = WorldState.genesis(genesis());

  private static GenesisAlloc genesis() {
    GenesisAlloc users =
        GenesisAlloc.of(
            Map.of(
                ALICE, Allocation.of(Wei.of(TEN_ETH)),
                BOB, Allocation.of(Wei.of(TEN_ETH)),
                CAROL, Allocation.of(Wei.of(TEN_ETH))));
    return ProgramGenesis.withPrograms(
        users,
        List.of(
            TokenConfig.of(TOKEN_A, "Token A", "TKA", 18, Map.of(ALICE, THOUSAND, BOB, THOUSAND)),
            TokenConfig.of(TOKEN_B, "Token B", "TKB", 18, Map.of(ALICE, THOUSAND))),
        List.of(new PairConfig(PAIR, TOKEN_A, TOKEN_B, RESERVE_A, RESERVE_B, CAROL)));
  }

  @Test
  void aBlockMixingTransfersTokenCallsSwapsAndFailuresGivesTheExpectedReceiptsAndState() {
    BigInteger swapIn = ETH.multiply(BigInteger.valueOf(5));
    BigInteger swapOut = PairMath.amountOut(swapIn, RESERVE_A, RESERVE_B);
    List<VerifiedTransaction> block =
        List.of(
            Txs.eip1559(ALICE, 0, BOB, ETH, FEE_CAP, GWEI),
            call(ALICE, 1, TOKEN_A, transfer(CAROL, ETH.multiply(BigInteger.TEN)), 100_000),
            call(BOB, 0, TOKEN_A, approve(PAIR, MAX), 100_000),
            call(BOB, 1, PAIR, swap(TOKEN_A, swapIn, swapOut, BOB), 200_000),
            call(CAROL, 0, TOKEN_A, transfer(BOB, ETH.multiply(BigInteger.valueOf(11))), 100_000),
            call(ALICE, 2, PAIR, swap(TOKEN_A, swapIn, swapOut, ALICE), 200_000),
            call(ALICE, 3, TOKEN_A, transfer(BOB, ETH), 30_000),
            value(ALICE, 4, TOKEN_A, transfer(BOB, ETH), 100_000, BigInteger.ONE));

    BlockExecution result = new SequentialExecutor().execute(CONTEXT, block, state.view());

    assertThat(result.skipped()).isEmpty();
    List<Receipt> receipts = result.receipts();
    assertThat(receipts)
        .extracting(Receipt::status)
        .containsExactly(
            ReceiptStatus.SUCCESS,
            ReceiptStatus.SUCCESS,
            ReceiptStatus.SUCCESS,
            ReceiptStatus.SUCCESS,
            ReceiptStatus.FAILURE, // Carol has 10 A, not 11
            ReceiptStatus.FAILURE, // the pool moved: less than the minimum out
            ReceiptStatus.FAILURE, // out of gas
            ReceiptStatus.FAILURE); // value sent to a non-payable program
    assertThat(receipts).extracting(r -> r.logs().size()).containsExactly(0, 1, 1, 4, 0, 0, 0, 0);
    assertThat(receipts.get(1).logs())
        .containsExactly(
            Log.of(
                TOKEN_A,
                new AbiEncoder().uint256(ETH.multiply(BigInteger.TEN)).encode(),
                TRANSFER,
                topic(ALICE),
                topic(CAROL)));
    assertThat(receipts.get(2).logs().getFirst().topics())
        .containsExactly(APPROVAL, topic(BOB), topic(PAIR));
    assertThat(receipts.get(3).logs())
        .extracting(Log::address)
        .containsExactly(TOKEN_A, TOKEN_B, PAIR, PAIR);

    List<Long> gas = result.included().stream().map(ExecutedTransaction::gasUsed).toList();
    assertThat(gas.get(0)).isEqualTo(21_000);
    assertThat(gas.get(1)).isEqualTo(intrinsic(block.get(1)) + 29_940); // Carol's slot was zero
    assertThat(gas.get(6)).isEqualTo(30_000); // all of it
    assertThat(gas.get(7)).isEqualTo(intrinsic(block.get(7)) + ProgramGas.CALL);
    long cumulative = 0;
    for (int i = 0; i < receipts.size(); i++) {
      cumulative += gas.get(i);
      assertThat(receipts.get(i).cumulativeGasUsed()).isEqualTo(cumulative);
    }
    assertThat(result.gasUsed()).isEqualTo(cumulative);
    LogsBloom bloom = result.logsBloom();
    assertThat(bloom.mightContain(TOKEN_A)).isTrue();
    assertThat(bloom.mightContain(PAIR)).isTrue();
    assertThat(bloom.mightContain(TRANSFER)).isTrue();
    assertThat(bloom)
        .isEqualTo(LogsBloom.of(receipts.stream().flatMap(r -> r.logs().stream()).toList()));

    // programs' writes are storage-only: their account records are untouched
    AccountChange tokenA = result.diff().changes().get(TOKEN_A);
    assertThat(tokenA.write()).isEqualTo(AccountWrite.UNCHANGED);
    assertThat(tokenA.storage().keySet())
        .containsExactlyInAnyOrder(
            Erc20Layout.balance(ALICE),
            Erc20Layout.balance(CAROL),
            Erc20Layout.balance(BOB),
            Erc20Layout.balance(PAIR),
            Erc20Layout.allowance(BOB, PAIR));
    assertThat(result.diff().changes().get(PAIR).storage()).containsOnlyKeys(PairLayout.RESERVES);

    state.apply(result.diff());
    StateSnapshot after = state.view();
    assertThat(after.storage(TOKEN_A, Erc20Layout.balance(CAROL)))
        .isEqualTo(Word.of(ETH.multiply(BigInteger.TEN)));
    assertThat(after.storage(TOKEN_A, Erc20Layout.balance(BOB)))
        .isEqualTo(Word.of(THOUSAND.subtract(swapIn)));
    assertThat(after.storage(TOKEN_B, Erc20Layout.balance(BOB))).isEqualTo(Word.of(swapOut));
    assertThat(after.storage(TOKEN_A, Erc20Layout.allowance(BOB, PAIR))).isEqualTo(Word.of(MAX));
    assertThat(PairLayout.reserve0(after.storage(PAIR, PairLayout.RESERVES)))
        .isEqualTo(RESERVE_A.add(swapIn));
    assertThat(PairLayout.timestamp(after.storage(PAIR, PairLayout.RESERVES)))
        .isEqualTo(CONTEXT.timestamp());
    // failures: nonce + 1 and the fee paid, nothing else; the value stayed with Alice
    assertThat(after.account(CAROL).nonce()).isEqualTo(1);
    assertThat(after.account(CAROL).balance().value())
        .isEqualTo(TEN_ETH.subtract(BigInteger.valueOf(gas.get(4) * PRICE)));
    assertThat(after.account(ALICE).nonce()).isEqualTo(5);
    long aliceGas = gas.get(0) + gas.get(1) + gas.get(5) + gas.get(6) + gas.get(7);
    assertThat(after.account(ALICE).balance().value())
        .isEqualTo(TEN_ETH.subtract(ETH).subtract(BigInteger.valueOf(aliceGas * PRICE)));
    assertThat(after.account(TOKEN_A).balance()).isEqualTo(Wei.ZERO);
    assertThat(after.account(FEE_RECIPIENT).balance().value())
        .isEqualTo(BigInteger.valueOf(cumulative * PRICE));
  }

  @Test
  void aRevertDropsTheProgramsWritesButChargesTheFeeAndTheNonce() {
    // Bob approved token A only: the pair pulls A, then fails on B
    List<VerifiedTransaction> block =
        List.of(
            call(BOB, 0, TOKEN_A, approve(PAIR, MAX), 100_000),
            call(
                BOB,
                1,
                PAIR,
                addLiquidity(ETH, ETH.multiply(BigInteger.valueOf(4)), BOB),
                300_000));

    BlockExecution result = new SequentialExecutor().execute(CONTEXT, block, state.view());

    ExecutedTransaction failed = result.included().get(1);
    assertThat(failed.receipt().status()).isEqualTo(ReceiptStatus.FAILURE);
    assertThat(failed.receipt().logs()).isEmpty();
    assertThat(result.diff().changes().get(TOKEN_A).storage())
        .containsOnlyKeys(Erc20Layout.allowance(BOB, PAIR));
    assertThat(result.diff().changes()).doesNotContainKeys(TOKEN_B, PAIR);
    state.apply(result.diff());
    assertThat(state.view().account(BOB).nonce()).isEqualTo(2);
    long gasUsed = result.included().get(0).gasUsed() + failed.gasUsed();
    assertThat(state.view().account(BOB).balance().value())
        .isEqualTo(TEN_ETH.subtract(BigInteger.valueOf(gasUsed * PRICE)));
    assertThat(failed.gasUsed()).isGreaterThan(intrinsic(block.get(1))).isLessThan(300_000);
  }

  @Test
  void programCallsPayTheL1DataFeeWhetherTheyReturnRevertOrRunOutOfGas() {
    Wei l1BaseFee = Wei.of(30 * GWEI);
    BlockContext context =
        new BlockContext(
            7,
            1_700_000_000L,
            FEE_RECIPIENT,
            Wei.of(BASE_FEE),
            30_000_000,
            CHAIN,
            l1BaseFee,
            L1DataFee.SCALAR_ONE);
    List<VerifiedTransaction> block =
        List.of(
            call(ALICE, 0, TOKEN_A, transfer(CAROL, ETH), 100_000), // returns
            call(CAROL, 0, TOKEN_A, transfer(BOB, THOUSAND), 100_000), // reverts: no balance
            call(ALICE, 1, TOKEN_A, transfer(BOB, ETH), 30_000)); // out of gas

    BlockExecution result = new SequentialExecutor().execute(context, block, state.view());
    state.apply(result.diff());

    assertThat(result.receipts())
        .extracting(Receipt::status)
        .containsExactly(ReceiptStatus.SUCCESS, ReceiptStatus.FAILURE, ReceiptStatus.FAILURE);
    BigInteger fees = BigInteger.ZERO;
    for (int i = 0; i < block.size(); i++) {
      ExecutedTransaction executed = result.included().get(i);
      Wei expected = L1DataFee.of(block.get(i).encoded().length(), l1BaseFee, L1DataFee.SCALAR_ONE);
      assertThat(expected.value()).isPositive();
      assertThat(executed.l1Fee()).isEqualTo(expected);
      fees = fees.add(BigInteger.valueOf(executed.gasUsed() * PRICE)).add(expected.value());
    }
    BigInteger carolPaid =
        BigInteger.valueOf(result.included().get(1).gasUsed() * PRICE)
            .add(result.included().get(1).l1Fee().value());
    assertThat(state.view().account(CAROL).balance().value())
        .isEqualTo(TEN_ETH.subtract(carolPaid));
    assertThat(state.view().account(FEE_RECIPIENT).balance().value()).isEqualTo(fees);
  }

  @Test
  void callsReturnDataRevertDataAndTheirGas() {
    CallExecutor calls = new CallExecutor(CONTEXT, state.view());
    Bytes balanceOf = encode("balanceOf(address)", new AbiEncoder().address(ALICE));

    TransactionOutcome view = calls.call(message(ALICE, TOKEN_A, balanceOf, BigInteger.ZERO));
    TransactionOutcome reverted =
        calls.call(message(CAROL, TOKEN_A, transfer(BOB, BigInteger.ONE), BigInteger.ZERO));
    TransactionOutcome paid =
        calls.call(message(ALICE, TOKEN_A, transfer(BOB, BigInteger.ONE), BigInteger.ONE));
    TransactionOutcome anonymous =
        calls.call(
            message(Address.ZERO, TOKEN_B, encode("symbol()", new AbiEncoder()), BigInteger.ZERO));

    long intrinsic = IntrinsicGas.of(balanceOf, List.of(), false);
    assertThat(view)
        .isEqualTo(
            new TransactionOutcome.Included(
                ReceiptStatus.SUCCESS,
                intrinsic + ProgramGas.CALL + ProgramGas.keccak(2) + ProgramGas.COLD_SLOAD,
                Wei.ZERO,
                Wei.ZERO,
                List.of(),
                new AbiEncoder().uint256(THOUSAND).encode(),
                Optional.empty()));
    assertThat(reverted)
        .isInstanceOfSatisfying(
            TransactionOutcome.Included.class,
            r -> {
              assertThat(r.reverted()).isTrue();
              assertThat(r.status()).isEqualTo(ReceiptStatus.FAILURE);
              assertThat(Abi.revertReason(r.returnData()))
                  .contains("ERC20: transfer amount exceeds balance");
            });
    assertThat(paid)
        .isInstanceOfSatisfying(
            TransactionOutcome.Included.class,
            r -> assertThat(r.returnData()).isEqualTo(Bytes.EMPTY));
    assertThat(((TransactionOutcome.Included) paid).reverted()).isTrue();
    assertThat(AbiDecoder.of(((TransactionOutcome.Included) anonymous).returnData(), 1).string(0))
        .isEqualTo("TKB");
    assertThat(state.view().storage(TOKEN_A, Erc20Layout.balance(BOB)))
        .isEqualTo(Word.of(THOUSAND));
  }

  @Test
  void gasEstimatesOfProgramCallsAreExactAndRevertsReportTheirData() {
    GasEstimator estimator = new GasEstimator(new CallExecutor(CONTEXT, state.view()), 50_000_000);
    Bytes toBob = transfer(BOB, BigInteger.ONE);
    Bytes toFresh = transfer(address(99), BigInteger.ONE);
    Bytes swap = swap(TOKEN_A, ETH, BigInteger.ZERO, ALICE);

    GasEstimate transfer = estimator.estimate(message(ALICE, TOKEN_A, toBob, BigInteger.ZERO));
    GasEstimate fresh = estimator.estimate(message(ALICE, TOKEN_A, toFresh, BigInteger.ZERO));
    GasEstimate unapproved = estimator.estimate(message(ALICE, PAIR, swap, BigInteger.ZERO));
    GasEstimate capped =
        new GasEstimator(new CallExecutor(CONTEXT, state.view()), 25_000)
            .estimate(message(ALICE, TOKEN_A, toBob, BigInteger.ZERO));

    assertThat(transfer)
        .isEqualTo(new GasEstimate.Estimated(IntrinsicGas.of(toBob, List.of(), false) + 12_840));
    assertThat(fresh)
        .isEqualTo(new GasEstimate.Estimated(IntrinsicGas.of(toFresh, List.of(), false) + 29_940));
    assertThat(unapproved)
        .isEqualTo(new GasEstimate.Reverted(Abi.errorData("ERC20: insufficient allowance")));
    assertThat(capped).isEqualTo(new GasEstimate.ExceedsAllowance(25_000));
    // the estimate is enough in a block, and one less runs out of gas
    long estimate = ((GasEstimate.Estimated) transfer).gas();
    BlockExecution atEstimate =
        new SequentialExecutor()
            .execute(CONTEXT, List.of(call(ALICE, 0, TOKEN_A, toBob, estimate)), state.view());
    BlockExecution below =
        new SequentialExecutor()
            .execute(CONTEXT, List.of(call(ALICE, 0, TOKEN_A, toBob, estimate - 1)), state.view());
    assertThat(atEstimate.receipts().getFirst().status()).isEqualTo(ReceiptStatus.SUCCESS);
    assertThat(below.receipts().getFirst().status()).isEqualTo(ReceiptStatus.FAILURE);
    assertThat(below.included().getFirst().gasUsed()).isEqualTo(estimate - 1);
  }

  @Test
  void codeThatIsNoProgramIsStillRefusedToCalls() {
    Hash unknown = Hash.keccak(Bytes.of((byte) 0x60));
    WorldState withCode =
        WorldState.genesis(
            GenesisAlloc.of(
                Map.of(
                    ALICE, Allocation.of(Wei.of(TEN_ETH)),
                    BOB, Allocation.of(Wei.ZERO).withCodeHash(unknown))));

    TransactionOutcome outcome =
        new CallExecutor(CONTEXT, withCode.view())
            .call(message(ALICE, BOB, Bytes.EMPTY, BigInteger.ZERO));

    assertThat(outcome).isInstanceOf(TransactionOutcome.Skipped.class);
    assertThat(((TransactionOutcome.Skipped) outcome).reason())
        .isEqualTo(SkipReason.CODE_EXECUTION_UNSUPPORTED);
  }

  private static VerifiedTransaction call(
      Address sender, long nonce, Address to, Bytes data, long gasLimit) {
    return value(sender, nonce, to, data, gasLimit, BigInteger.ZERO);
  }

  private static VerifiedTransaction value(
      Address sender, long nonce, Address to, Bytes data, long gasLimit, BigInteger value) {
    return Txs.eip1559(sender, nonce, to, value, FEE_CAP, GWEI, gasLimit, data);
  }

  private static CallMessage message(Address from, Address to, Bytes data, BigInteger value) {
    return new CallMessage(
        from, Optional.of(to), 1_000_000, Wei.ZERO, Wei.ZERO, Wei.of(value), data, List.of());
  }

  private static long intrinsic(VerifiedTransaction tx) {
    return tx.intrinsicGas();
  }

  private static Bytes encode(String signature, AbiEncoder args) {
    return args.encodeWithSelector(Abi.selector(signature));
  }

  private static Bytes transfer(Address to, BigInteger amount) {
    return encode("transfer(address,uint256)", new AbiEncoder().address(to).uint256(amount));
  }

  private static Bytes approve(Address spender, BigInteger amount) {
    return encode("approve(address,uint256)", new AbiEncoder().address(spender).uint256(amount));
  }

  private static Bytes swap(Address tokenIn, BigInteger in, BigInteger minOut, Address to) {
    return encode(
        "swap(address,uint256,uint256,address)",
        new AbiEncoder().address(tokenIn).uint256(in).uint256(minOut).address(to));
  }

  private static Bytes addLiquidity(BigInteger a, BigInteger b, Address to) {
    return encode(
        "addLiquidity(uint256,uint256,uint256,uint256,address)",
        new AbiEncoder().uint256(a).uint256(b).uint256(0).uint256(0).address(to));
  }

  private static Hash topic(Address address) {
    return Hash.of(Bytes.of(new byte[12]).concat(address.bytes()));
  }
}
