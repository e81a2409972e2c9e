package io.paraseq.protocol.exec;

import static io.paraseq.protocol.exec.Txs.CHAIN;
import static io.paraseq.protocol.exec.Txs.ETH;
import static io.paraseq.protocol.exec.Txs.GWEI;
import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gas search of {@link GasEstimator}: over synthetic trials (calls that need more gas than they
 * use, as EVM calls do) and over real calls on a state.
 */
class GasEstimatorTest {

  private static final Address ALICE = address(1);
  private static final Address BOB = address(2);
  private static final long BLOCK_GAS_LIMIT = 30_000_000;
  private static final long GAS_CAP = 50_000_000;

  private final WorldState world =
      WorldState.fromFlat(
          Map.of(ALICE, Account.of(0, Wei.of(ETH))), Map.of(), ParallelHashing.sequential());
  private final GasEstimator estimator =
      new GasEstimator(
          new CallExecutor(
              new BlockContext(1, 1, address(0xfee), Wei.of(GWEI), BLOCK_GAS_LIMIT, CHAIN),
              world.view()),
          GAS_CAP);

  // ---- the search over synthetic trials ----

  @Test
  void findsTheLeastSufficientGasLimitForCallsThatNeedMoreThanTheyUse() {
    for (long needed :
        new long[] {21_000, 21_001, 25_000, 47_123, 100_000, 2_999_999, 29_999_999}) {
      List<Long> tried = new ArrayList<>();
      GasEstimate estimate =
          GasEstimator.search(BLOCK_GAS_LIMIT, false, needing(needed, 21_000, tried));
      assertThat(estimate).as("needed %d", needed).isEqualTo(new GasEstimate.Estimated(needed));
      assertThat(tried).as("trials for %d", needed).hasSizeLessThan(40);
    }
  }

  @Test
  void aCallThatFitsTheOptimisticGuessNeedsFewTrials() {
    List<Long> tried = new ArrayList<>();
    GasEstimate estimate =
        GasEstimator.search(BLOCK_GAS_LIMIT, false, needing(21_000, 21_000, tried));

    assertThat(estimate).isEqualTo(new GasEstimate.Estimated(21_000));
    assertThat(tried.getFirst()).isEqualTo(BLOCK_GAS_LIMIT);
    assertThat(tried.get(1)).isEqualTo((21_000 + 2_300) * 64 / 63);
  }

  @Test
  void aPlainTransferIsTriedAt21000First() {
    List<Long> tried = new ArrayList<>();
    assertThat(GasEstimator.search(BLOCK_GAS_LIMIT, true, needing(21_000, 21_000, tried)))
        .isEqualTo(new GasEstimate.Estimated(21_000));
    assertThat(tried).containsExactly(21_000L);
  }

  @Test
  void failingAtTheHighestLimitExceedsTheAllowance() {
    assertThat(GasEstimator.search(40_000, false, needing(40_001, 21_000, new ArrayList<>())))
        .isEqualTo(new GasEstimate.ExceedsAllowance(40_000));
    GasEstimator.Trial failing =
        gas ->
            new TransactionOutcome.Included(
                ReceiptStatus.FAILURE, gas, Wei.ZERO, Wei.ZERO, List.of());
    assertThat(GasEstimator.search(40_000, false, failing))
        .isEqualTo(new GasEstimate.ExceedsAllowance(40_000));
  }

  @Test
  void aRefusalEndsTheSearch() {
    GasEstimator.Trial refused =
        gas -> new TransactionOutcome.Skipped(SkipReason.INSUFFICIENT_FUNDS, "address x");
    assertThat(GasEstimator.search(BLOCK_GAS_LIMIT, true, refused))
        .isEqualTo(new GasEstimate.Refused(SkipReason.INSUFFICIENT_FUNDS, "address x"));
  }

  // ---- real calls ----

  @Test
  void aTransferNeeds21000AndCallDataItsIntrinsicGas() {
    assertThat(estimator.estimate(message(0, 0, BigInteger.ONE, Bytes.EMPTY)))
        .isEqualTo(new GasEstimate.Estimated(21_000));
    Bytes data = Bytes.of((byte) 1, (byte) 0);
    assertThat(estimator.estimate(message(0, 0, BigInteger.ONE, data)))
        .isEqualTo(new GasEstimate.Estimated(21_000 + 16 + 4));
    assertThat(estimator.estimate(message(0, 2 * GWEI, BigInteger.ONE, data)))
        .isEqualTo(new GasEstimate.Estimated(21_000 + 16 + 4));
  }

  @Test
  void withAFeeTheBalanceBoundsTheSearch() {
    // 1 ETH at 10^13 wei per gas pays for 100,000 gas; with a 0.9 ETH value only 10,000.
    long feeCap = 10_000_000_000_000L;
    byte[] ones = new byte[5_000];
    java.util.Arrays.fill(ones, (byte) 1);
    Bytes data = Bytes.of(ones); // 101,000 gas of intrinsic gas
    assertThat(estimator.estimate(message(0, feeCap, BigInteger.ZERO, data)))
        .isEqualTo(new GasEstimate.ExceedsAllowance(100_000));
    assertThat(
            estimator.estimate(
                message(
                    0,
                    feeCap,
                    ETH.multiply(BigInteger.valueOf(9)).divide(BigInteger.TEN),
                    Bytes.EMPTY)))
        .isEqualTo(new GasEstimate.ExceedsAllowance(10_000));
  }

  @Test
  void withAFeeAValueNotBelowTheBalanceIsAnInsufficientFundsForTransfer() {
    assertThat(estimator.estimate(message(0, GWEI, ETH, Bytes.EMPTY)))
        .isEqualTo(new GasEstimate.InsufficientFundsForTransfer());
  }

  @Test
  void withoutAFeeTooMuchValueIsRefused() {
    assertThat(estimator.estimate(message(0, 0, ETH.add(BigInteger.ONE), Bytes.EMPTY)))
        .isEqualTo(
            new GasEstimate.Refused(
                SkipReason.INSUFFICIENT_FUNDS,
                "address " + ALICE + " have " + ETH + " want " + ETH.add(BigInteger.ONE)));
  }

  @Test
  void aGivenGasLimitBoundsTheSearch() {
    Bytes data = Bytes.of(new byte[100]);
    assertThat(estimator.estimate(message(21_000, 0, BigInteger.ZERO, data)))
        .isEqualTo(new GasEstimate.ExceedsAllowance(21_000));
    assertThat(estimator.estimate(message(21_400, 0, BigInteger.ZERO, data)))
        .isEqualTo(new GasEstimate.Estimated(21_400));
    // Below 21,000 the given gas is ignored (geth): the block gas limit bounds the search.
    assertThat(estimator.estimate(message(20_000, 0, BigInteger.ZERO, data)))
        .isEqualTo(new GasEstimate.Estimated(21_400));
  }

  /**
   * A call that uses {@code used} gas (or all it gets, if less) and succeeds only with at least
   * {@code needed}; too little for {@code used} is an intrinsic-gas refusal.
   */
  private static GasEstimator.Trial needing(long needed, long used, List<Long> tried) {
    return gas -> {
      tried.add(gas);
      if (gas < used) {
        return new TransactionOutcome.Skipped(SkipReason.INTRINSIC_GAS_TOO_LOW, "have " + gas);
      }
      ReceiptStatus status = ReceiptStatus.of(gas >= needed);
      return new TransactionOutcome.Included(status, used, Wei.ZERO, Wei.ZERO, List.of());
    };
  }

  private static CallMessage message(long gas, long feeCap, BigInteger value, Bytes data) {
    return new CallMessage(
        ALICE,
        java.util.Optional.of(BOB),
        gas,
        Wei.of(feeCap),
        Wei.ZERO,
        Wei.of(value),
        data,
        List.of());
  }
}
