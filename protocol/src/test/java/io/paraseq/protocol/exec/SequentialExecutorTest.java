package io.paraseq.protocol.exec;

import static io.paraseq.protocol.exec.Txs.CHAIN;
import static io.paraseq.protocol.exec.Txs.ETH;
import static io.paraseq.protocol.exec.Txs.GWEI;
import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.AccountWrite;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of {@link TransactionProcessor} and {@link SequentialExecutor}, to the wei. */
class SequentialExecutorTest {

  private static final Address ALICE = address(1);
  private static final Address BOB = address(2);
  private static final Address FRESH = address(3);
  private static final Address FEE_RECIPIENT = address(0xfee);
  private static final BigInteger ALICE_BALANCE = ETH.multiply(BigInteger.TEN);
  private static final BigInteger BOB_BALANCE = ETH;
  private static final BigInteger FEE_RECIPIENT_BALANCE = ETH.multiply(BigInteger.TWO);
  private static final long BASE_FEE = GWEI;
  private static final long GAS_LIMIT = 30_000_000;

  private final SequentialExecutor executor = new SequentialExecutor();
  private final Map<Address, Allocation> alloc = new TreeMap<>();
  private WorldState state;
  private long l1BaseFee;

  @BeforeEach
  void fund() {
    alloc.put(ALICE, Allocation.of(Wei.of(ALICE_BALANCE)));
    alloc.put(BOB, Allocation.of(Wei.of(BOB_BALANCE)));
    alloc.put(FEE_RECIPIENT, Allocation.of(Wei.of(FEE_RECIPIENT_BALANCE)));
  }

  @Test
  void eip1559TransferPaysValueAndGasAtBaseFeePlusTipToTheFeeRecipient() {
    BlockExecution result = run(Txs.eip1559(ALICE, 0, BOB, ETH, 3 * GWEI, GWEI));

    BigInteger fee = BigInteger.valueOf(21_000 * 2 * GWEI); // price = min(3, 1 + 1) gwei
    assertThat(balance(ALICE)).isEqualTo(ALICE_BALANCE.subtract(ETH).subtract(fee));
    assertThat(nonce(ALICE)).isEqualTo(1);
    assertThat(balance(BOB)).isEqualTo(BOB_BALANCE.add(ETH));
    assertThat(nonce(BOB)).isZero();
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.add(fee));
    assertThat(result.skipped()).isEmpty();
    ExecutedTransaction executed = result.included().getFirst();
    assertThat(executed.gasUsed()).isEqualTo(21_000);
    assertThat(executed.effectiveGasPrice()).isEqualTo(Wei.of(2 * GWEI));
    assertThat(executed.receipt())
        .isEqualTo(
            Receipt.of(TransactionType.DYNAMIC_FEE, ReceiptStatus.SUCCESS, 21_000, List.of()));
    assertThat(result.gasUsed()).isEqualTo(21_000);
    assertThat(result.logsBloom()).isEqualTo(LogsBloom.EMPTY);
  }

  @Test
  void theFeeCapLimitsTheEffectivePrice() {
    BlockExecution result = run(Txs.eip1559(ALICE, 0, BOB, ETH, 3 * GWEI / 2, GWEI));

    long price = 3 * GWEI / 2;
    assertThat(result.included().getFirst().effectiveGasPrice()).isEqualTo(Wei.of(price));
    BigInteger fee = BigInteger.valueOf(21_000 * price);
    assertThat(balance(ALICE)).isEqualTo(ALICE_BALANCE.subtract(ETH).subtract(fee));
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.add(fee));
  }

  @Test
  void legacyCallWithDataPaysIntrinsicGasAtItsGasPrice() {
    Bytes data = Bytes.fromHex("0x0000aabbcc"); // 2 zero bytes, 3 others: 21,000 + 8 + 48
    BlockExecution result =
        run(
            Txs.legacy(
                ALICE,
                0,
                Optional.of(BOB),
                BigInteger.ONE,
                5 * GWEI,
                100_000,
                data,
                Optional.of(CHAIN)));

    long gas = 21_056;
    BigInteger fee = BigInteger.valueOf(gas * 5 * GWEI);
    ExecutedTransaction executed = result.included().getFirst();
    assertThat(executed.gasUsed()).isEqualTo(gas);
    assertThat(executed.effectiveGasPrice()).isEqualTo(Wei.of(5 * GWEI));
    assertThat(executed.receipt().type()).isEqualTo(TransactionType.LEGACY);
    assertThat(executed.receipt().cumulativeGasUsed()).isEqualTo(gas);
    assertThat(balance(ALICE)).isEqualTo(ALICE_BALANCE.subtract(BigInteger.ONE).subtract(fee));
    assertThat(balance(BOB)).isEqualTo(BOB_BALANCE.add(BigInteger.ONE));
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.add(fee));
  }

  @Test
  void accessListTransactionPaysItsGasPrice() {
    BlockExecution result = run(Txs.accessList(ALICE, 0, BOB, ETH, 4 * GWEI, CHAIN));

    BigInteger fee = BigInteger.valueOf(21_000 * 4 * GWEI);
    assertThat(result.included().getFirst().effectiveGasPrice()).isEqualTo(Wei.of(4 * GWEI));
    assertThat(result.included().getFirst().receipt().type())
        .isEqualTo(TransactionType.ACCESS_LIST);
    assertThat(balance(ALICE)).isEqualTo(ALICE_BALANCE.subtract(ETH).subtract(fee));
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.add(fee));
  }

  @Test
  void nonceMismatchIsSkippedWithBothNonces() {
    assertSkipped(
        Txs.eip1559(ALICE, 1, BOB, ETH, 2 * GWEI, GWEI),
        SkipReason.NONCE_MISMATCH,
        "account nonce 0, transaction nonce 1");
  }

  @Test
  void feeCapBelowBaseFeeIsSkipped() {
    assertSkipped(
        Txs.eip1559(ALICE, 0, BOB, ETH, BASE_FEE - 1, 0),
        SkipReason.FEE_CAP_BELOW_BASE_FEE,
        "fee cap 999999999 < base fee 1000000000");
  }

  @Test
  void insufficientFundsUsesGasLimitTimesFeeCapPlusValue() {
    long feeCap = 3 * GWEI;
    BigInteger upFront = BigInteger.valueOf(21_000 * feeCap).add(ETH);
    alloc.put(FRESH, Allocation.of(Wei.of(upFront.subtract(BigInteger.ONE))));
    assertSkipped(
        Txs.eip1559(FRESH, 0, BOB, ETH, feeCap, GWEI),
        SkipReason.INSUFFICIENT_FUNDS,
        "gas × fee cap + value + l1Fee " + upFront);

    // One wei more and it runs, paying only gasUsed × effective price (2 gwei), not the cap.
    alloc.put(FRESH, Allocation.of(Wei.of(upFront)));
    BlockExecution result = run(Txs.eip1559(FRESH, 0, BOB, ETH, feeCap, GWEI));
    assertThat(result.skipped()).isEmpty();
    assertThat(balance(FRESH))
        .isEqualTo(upFront.subtract(ETH).subtract(BigInteger.valueOf(21_000 * 2 * GWEI)));
  }

  @Test
  void aTransferPaysTheL1DataFeeToTheFeeRecipientWithItsGasFee() {
    l1BaseFee = 20 * GWEI;
    VerifiedTransaction tx = Txs.eip1559(ALICE, 0, BOB, ETH, 3 * GWEI, GWEI);
    BlockExecution result = run(tx);

    BigInteger l1Fee = l1Fee(tx, l1BaseFee);
    assertThat(l1Fee).isPositive();
    BigInteger gasFee = BigInteger.valueOf(21_000 * 2 * GWEI);
    ExecutedTransaction executed = result.included().getFirst();
    assertThat(executed.l1Fee()).isEqualTo(Wei.of(l1Fee));
    assertThat(executed.gasUsed()).isEqualTo(21_000);
    assertThat(executed.effectiveGasPrice()).isEqualTo(Wei.of(2 * GWEI));
    assertThat(balance(ALICE))
        .isEqualTo(ALICE_BALANCE.subtract(ETH).subtract(gasFee).subtract(l1Fee));
    assertThat(balance(BOB)).isEqualTo(BOB_BALANCE.add(ETH));
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.add(gasFee).add(l1Fee));
  }

  @Test
  void insufficientFundsCountsTheL1DataFee() {
    l1BaseFee = 20 * GWEI;
    long feeCap = 3 * GWEI;
    VerifiedTransaction tx = Txs.eip1559(FRESH, 0, BOB, ETH, feeCap, GWEI);
    BigInteger l1Fee = l1Fee(tx, l1BaseFee);
    BigInteger upFront = BigInteger.valueOf(21_000 * feeCap).add(ETH).add(l1Fee);
    alloc.put(FRESH, Allocation.of(Wei.of(upFront.subtract(BigInteger.ONE))));
    assertSkipped(
        tx,
        SkipReason.INSUFFICIENT_FUNDS,
        "gas × fee cap + value + l1Fee " + upFront + " (l1Fee " + l1Fee + ")");

    alloc.put(FRESH, Allocation.of(Wei.of(upFront)));
    BlockExecution result = run(tx);
    assertThat(result.skipped()).isEmpty();
    assertThat(balance(FRESH))
        .isEqualTo(
            upFront.subtract(ETH).subtract(BigInteger.valueOf(21_000 * 2 * GWEI)).subtract(l1Fee));
  }

  @Test
  void depositsPayNoL1DataFee() {
    l1BaseFee = 20 * GWEI;
    BlockExecution result = run(Txs.deposit(7, FRESH, BOB, ETH, BigInteger.ONE));

    assertThat(result.included().getFirst().l1Fee()).isEqualTo(Wei.ZERO);
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE);
  }

  @Test
  void intrinsicGasAboveTheLimitIsSkipped() {
    assertSkipped(
        Txs.eip1559(ALICE, 0, BOB, ETH, 2 * GWEI, GWEI, 20_999, Bytes.EMPTY),
        SkipReason.INTRINSIC_GAS_TOO_LOW,
        "gas limit 20999 < intrinsic gas 21000");
  }

  @Test
  void contractCreationIsSkipped() {
    assertSkipped(
        Txs.legacy(
            ALICE,
            0,
            Optional.empty(),
            BigInteger.ZERO,
            2 * GWEI,
            100_000,
            Bytes.fromHex("0x6000"),
            Optional.of(CHAIN)),
        SkipReason.CONTRACT_CREATION_UNSUPPORTED,
        "no EVM");
  }

  @Test
  void anotherChainIsSkipped() {
    assertSkipped(
        Txs.accessList(ALICE, 0, BOB, ETH, 2 * GWEI, ChainId.MAINNET),
        SkipReason.WRONG_CHAIN_ID,
        "signed for chain 1, this chain is 3195");
  }

  @Test
  void unprotectedLegacyIsSkipped() {
    assertSkipped(
        Txs.legacy(
            ALICE, 0, Optional.of(BOB), ETH, 2 * GWEI, 21_000, Bytes.EMPTY, Optional.empty()),
        SkipReason.UNPROTECTED_TRANSACTION,
        "without chain id");
  }

  @Test
  void theLastNonceCannotBeUsed() {
    alloc.put(FRESH, Allocation.of(Wei.of(ALICE_BALANCE)).withNonce(-1L));
    assertSkipped(
        Txs.eip1559(FRESH, -1L, BOB, ETH, 2 * GWEI, GWEI),
        SkipReason.NONCE_MAX,
        "18446744073709551615");
  }

  @Test
  void consecutiveNoncesOfOneSenderAreAllIncluded() {
    BlockExecution result =
        run(
            Txs.eip1559(ALICE, 0, BOB, ETH, 2 * GWEI, GWEI),
            Txs.eip1559(ALICE, 1, BOB, ETH, 2 * GWEI, GWEI),
            Txs.eip1559(ALICE, 2, BOB, ETH, 2 * GWEI, GWEI));

    assertThat(result.skipped()).isEmpty();
    assertThat(result.receipts())
        .extracting(Receipt::cumulativeGasUsed)
        .containsExactly(21_000L, 42_000L, 63_000L);
    assertThat(result.gasUsed()).isEqualTo(63_000);
    assertThat(nonce(ALICE)).isEqualTo(3);
    BigInteger fees = BigInteger.valueOf(3 * 21_000 * 2 * GWEI);
    BigInteger values = ETH.multiply(BigInteger.valueOf(3));
    assertThat(balance(ALICE)).isEqualTo(ALICE_BALANCE.subtract(values).subtract(fees));
    assertThat(balance(BOB)).isEqualTo(BOB_BALANCE.add(values));
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.add(fees));
  }

  @Test
  void aNonceGapSkipsTheTransactionAfterIt() {
    VerifiedTransaction first = Txs.eip1559(ALICE, 0, BOB, ETH, 2 * GWEI, GWEI);
    VerifiedTransaction gap = Txs.eip1559(ALICE, 2, BOB, ETH, 2 * GWEI, GWEI);
    VerifiedTransaction duplicate = Txs.eip1559(ALICE, 0, BOB, ETH, 3 * GWEI, GWEI);
    BlockExecution result = run(first, gap, duplicate);

    assertThat(result.included())
        .extracting(ExecutedTransaction::transaction)
        .containsExactly(first);
    assertThat(result.skipped())
        .extracting(SkippedTransaction::transaction, SkippedTransaction::reason)
        .containsExactly(
            tuple(gap, SkipReason.NONCE_MISMATCH), tuple(duplicate, SkipReason.NONCE_MISMATCH));
    assertThat(nonce(ALICE)).isEqualTo(1);
  }

  @Test
  void aSkippedTransactionSkipsTheSendersLaterNonces() {
    BlockExecution result =
        run(
            Txs.eip1559(ALICE, 0, BOB, ETH, BASE_FEE - 1, 0),
            Txs.eip1559(ALICE, 1, BOB, ETH, 2 * GWEI, GWEI));

    assertThat(result.included()).isEmpty();
    assertThat(result.skipped())
        .extracting(SkippedTransaction::reason)
        .containsExactly(SkipReason.FEE_CAP_BELOW_BASE_FEE, SkipReason.NONCE_MISMATCH);
    assertThat(result.diff().isEmpty()).isTrue();
  }

  @Test
  void selfTransferOnlyPaysTheFee() {
    run(Txs.eip1559(ALICE, 0, ALICE, ETH, 2 * GWEI, GWEI));

    BigInteger fee = BigInteger.valueOf(21_000 * 2 * GWEI);
    assertThat(balance(ALICE)).isEqualTo(ALICE_BALANCE.subtract(fee));
    assertThat(nonce(ALICE)).isEqualTo(1);
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.add(fee));
  }

  @Test
  void feeRecipientAsSenderGetsItsFeeBack() {
    run(Txs.eip1559(FEE_RECIPIENT, 0, BOB, ETH, 2 * GWEI, GWEI));

    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.subtract(ETH));
    assertThat(nonce(FEE_RECIPIENT)).isEqualTo(1);
    assertThat(balance(BOB)).isEqualTo(BOB_BALANCE.add(ETH));
  }

  @Test
  void feeRecipientAsRecipientGetsValueAndFee() {
    run(Txs.eip1559(ALICE, 0, FEE_RECIPIENT, ETH, 2 * GWEI, GWEI));

    BigInteger fee = BigInteger.valueOf(21_000 * 2 * GWEI);
    assertThat(balance(ALICE)).isEqualTo(ALICE_BALANCE.subtract(ETH).subtract(fee));
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE.add(ETH).add(fee));
  }

  @Test
  void feeRecipientSelfTransferChangesOnlyItsNonce() {
    run(Txs.eip1559(FEE_RECIPIENT, 0, FEE_RECIPIENT, ETH, 2 * GWEI, GWEI));

    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE);
    assertThat(nonce(FEE_RECIPIENT)).isEqualTo(1);
  }

  @Test
  void depositMintsThenTransfersWithoutGas() {
    BigInteger mint = ETH.multiply(BigInteger.valueOf(5));
    BigInteger value = ETH.multiply(BigInteger.TWO);
    BlockExecution result =
        run(
            Txs.eip1559(ALICE, 0, BOB, ETH, 2 * GWEI, GWEI),
            Txs.deposit(1, FRESH, BOB, mint, value));

    assertThat(balance(FRESH)).isEqualTo(mint.subtract(value));
    assertThat(nonce(FRESH)).isEqualTo(1);
    assertThat(balance(BOB)).isEqualTo(BOB_BALANCE.add(ETH).add(value));
    assertThat(balance(FEE_RECIPIENT))
        .isEqualTo(FEE_RECIPIENT_BALANCE.add(BigInteger.valueOf(21_000 * 2 * GWEI)));
    ExecutedTransaction deposit = result.included().get(1);
    assertThat(deposit.gasUsed()).isZero();
    assertThat(deposit.effectiveGasPrice()).isEqualTo(Wei.ZERO);
    assertThat(deposit.receipt())
        .isEqualTo(Receipt.of(TransactionType.DEPOSIT, ReceiptStatus.SUCCESS, 21_000, List.of()));
    assertThat(result.gasUsed()).isEqualTo(21_000);
  }

  @Test
  void depositWhoseValueExceedsTheBalanceFailsAndKeepsTheMint() {
    BlockExecution result = run(Txs.deposit(1, FRESH, BOB, ETH, ETH.multiply(BigInteger.TWO)));

    assertThat(result.included().getFirst().receipt().status()).isEqualTo(ReceiptStatus.FAILURE);
    assertThat(balance(FRESH)).isEqualTo(ETH);
    assertThat(nonce(FRESH)).isEqualTo(1);
    assertThat(balance(BOB)).isEqualTo(BOB_BALANCE);
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(FEE_RECIPIENT_BALANCE);
  }

  @Test
  void depositCanSpendTheExistingBalanceAndTheMint() {
    run(Txs.deposit(1, ALICE, BOB, ETH, ALICE_BALANCE.add(ETH)));

    assertThat(balance(ALICE)).isZero();
    assertThat(nonce(ALICE)).isEqualTo(1);
    assertThat(balance(BOB)).isEqualTo(BOB_BALANCE.add(ALICE_BALANCE).add(ETH));
  }

  @Test
  void touchedAccountsLeftEmptyAreDeleted() {
    // Base fee 0 and tip 0: a zero fee to a fresh fee recipient, zero value to a fresh address.
    Address freshFeeRecipient = address(0xf00);
    BlockContext context =
        new BlockContext(1, 1_700_000_000, freshFeeRecipient, Wei.ZERO, GAS_LIMIT, CHAIN);
    state = WorldState.genesis(GenesisAlloc.of(alloc));
    int accounts = state.accountCount();
    BlockExecution result =
        executor.execute(
            context, List.of(Txs.eip1559(ALICE, 0, FRESH, BigInteger.ZERO, 0, 0)), state.view());

    assertThat(result.included()).hasSize(1);
    assertThat(result.diff().changes().get(FRESH).write()).isEqualTo(AccountWrite.DELETED);
    assertThat(result.diff().changes().get(freshFeeRecipient).write())
        .isEqualTo(AccountWrite.DELETED);
    state.apply(result.diff());
    assertThat(state.accountCount()).isEqualTo(accounts);
    assertThat(state.view().account(ALICE)).isEqualTo(Account.of(1, Wei.of(ALICE_BALANCE)));
  }

  @Test
  void anExistingEmptyAccountThatIsTouchedIsDeleted() {
    alloc.put(FRESH, Allocation.of(Wei.ZERO));
    state = WorldState.genesis(GenesisAlloc.of(alloc));
    int accounts = state.accountCount();
    BlockExecution result =
        executor.execute(
            context(),
            List.of(Txs.eip1559(ALICE, 0, FRESH, BigInteger.ZERO, 2 * GWEI, GWEI)),
            state.view());

    state.apply(result.diff());
    assertThat(state.accountCount()).isEqualTo(accounts - 1);
  }

  @Test
  void gasLimitsAboveTheBlockGasLimitAreRejected() {
    BlockContext context =
        new BlockContext(1, 1_700_000_000, FEE_RECIPIENT, Wei.of(BASE_FEE), 42_000, CHAIN);
    state = WorldState.genesis(GenesisAlloc.of(alloc));
    List<VerifiedTransaction> fits =
        List.of(
            Txs.eip1559(ALICE, 0, BOB, ETH, 2 * GWEI, GWEI),
            Txs.eip1559(ALICE, 1, BOB, ETH, 2 * GWEI, GWEI));
    assertThat(executor.execute(context, fits, state.view()).included()).hasSize(2);

    List<VerifiedTransaction> over =
        List.of(
            Txs.eip1559(ALICE, 0, BOB, ETH, 2 * GWEI, GWEI),
            Txs.eip1559(ALICE, 1, BOB, ETH, 2 * GWEI, GWEI, 21_001, Bytes.EMPTY));
    assertThatThrownBy(() -> executor.execute(context, over, state.view()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceed the block gas limit 42000");

    List<VerifiedTransaction> overflowing =
        List.of(
            Txs.eip1559(ALICE, 0, BOB, ETH, 2 * GWEI, GWEI, -1L, Bytes.EMPTY),
            Txs.eip1559(ALICE, 1, BOB, ETH, 2 * GWEI, GWEI, 2, Bytes.EMPTY));
    BlockContext huge = new BlockContext(1, 1, FEE_RECIPIENT, Wei.of(BASE_FEE), -1L, CHAIN);
    assertThatThrownBy(() -> executor.execute(huge, overflowing, state.view()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameBlockGivesTheSameExecution() {
    List<VerifiedTransaction> block =
        List.of(
            Txs.eip1559(ALICE, 0, BOB, ETH, 2 * GWEI, GWEI),
            Txs.deposit(7, FRESH, ALICE, ETH, BigInteger.ONE),
            Txs.eip1559(BOB, 0, FEE_RECIPIENT, ETH, 2 * GWEI, GWEI),
            Txs.eip1559(ALICE, 5, BOB, ETH, 2 * GWEI, GWEI));
    state = WorldState.genesis(GenesisAlloc.of(alloc));

    BlockExecution first = executor.execute(context(), block, state.view());
    BlockExecution second = executor.execute(context(), block, state.view());

    assertThat(second).isEqualTo(first);
    assertThat(first.included()).hasSize(3);
    assertThat(first.skipped()).hasSize(1);
  }

  private void assertSkipped(VerifiedTransaction tx, SkipReason reason, String message) {
    BlockExecution result = run(tx);
    assertThat(result.included()).isEmpty();
    assertThat(result.skipped()).hasSize(1);
    SkippedTransaction skipped = result.skipped().getFirst();
    assertThat(skipped.transaction()).isEqualTo(tx);
    assertThat(skipped.reason()).isEqualTo(reason);
    assertThat(skipped.message()).contains(message);
    assertThat(result.diff().isEmpty()).isTrue();
    assertThat(result.gasUsed()).isZero();
  }

  private BlockExecution run(VerifiedTransaction... txs) {
    state = WorldState.genesis(GenesisAlloc.of(alloc));
    BlockExecution result = executor.execute(context(), List.of(txs), state.view());
    state.apply(result.diff());
    return result;
  }

  private BlockContext context() {
    return new BlockContext(
        1,
        1_700_000_000,
        FEE_RECIPIENT,
        Wei.of(BASE_FEE),
        GAS_LIMIT,
        CHAIN,
        Wei.of(l1BaseFee),
        L1DataFee.SCALAR_ONE);
  }

  /** The L1 data fee of {@code tx} at {@code l1BaseFee}, computed here from the formula. */
  private static BigInteger l1Fee(VerifiedTransaction tx, long l1BaseFee) {
    long sizeMillis = Math.max(64_000, tx.encoded().length() * 669L);
    return BigInteger.valueOf(sizeMillis)
        .multiply(BigInteger.valueOf(16 * l1BaseFee))
        .divide(BigInteger.valueOf(1_000));
  }

  private BigInteger balance(Address address) {
    return state.view().account(address).balance().value();
  }

  private long nonce(Address address) {
    return state.view().account(address).nonce();
  }
}
