package io.paraseq.sequencer.pool;

import static io.paraseq.sequencer.pool.PoolTransactions.dynamic;
import static io.paraseq.sequencer.pool.PoolTransactions.dynamicWithGas;
import static io.paraseq.sequencer.pool.PoolTransactions.legacy;
import static io.paraseq.sequencer.pool.PoolTransactions.rich;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TxPoolTest {

  private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
  private static final BigInteger BASE_FEE = BigInteger.valueOf(1_000);
  private static final OrderingPolicy FIFO = OrderingPolicy.of(OrderingPolicy.Kind.FIFO);
  private static final OrderingPolicy BY_TIP = OrderingPolicy.of(OrderingPolicy.Kind.PRIORITY_FEE);

  private final TxPool pool = new TxPool(PoolLimits.DEFAULTS, BigInteger.valueOf(100));

  @Test
  void aGapMakesATransactionQueuedAndClosingItPromotesTheRest() {
    assertPending(add(dynamic(1, 0, 2000, 10), rich(0)));
    assertThat(accepted(add(dynamic(1, 2, 2000, 10), rich(0))).pending()).isFalse();
    assertThat(pool.pendingCount()).isEqualTo(1);
    assertThat(pool.queuedCount()).isEqualTo(1);

    assertPending(add(dynamic(1, 1, 2000, 10), rich(0)));

    assertThat(pool.pendingCount()).isEqualTo(3);
    assertThat(pool.queuedCount()).isZero();
    assertThat(pool.pendingNonce(sender(1), 0)).isEqualTo(3);
  }

  @Test
  void rejectsAKnownTransactionAndAStaleNonce() {
    VerifiedTransaction tx = dynamic(1, 5, 2000, 10);
    add(tx, rich(5));
    assertRejected(add(tx, rich(5)), PoolRejection.ALREADY_KNOWN);
    AddOutcome.Rejected low =
        assertRejected(add(dynamic(1, 4, 2000, 10), rich(5)), PoolRejection.NONCE_TOO_LOW);
    assertThat(low.message()).isEqualTo("nonce too low: next nonce 5, tx nonce 4");
  }

  @Test
  void rejectsWhatTheSenderCannotPayAndAFeeCapBelowTheFloor() {
    // 21,000 gas × 2,000 wei + 1 wei value = 42,000,001 wei
    AddOutcome.Rejected poor =
        assertRejected(
            add(dynamic(1, 0, 2000, 10), new AccountState(0, BigInteger.valueOf(42_000_000))),
            PoolRejection.INSUFFICIENT_FUNDS);
    assertThat(poor.message())
        .isEqualTo(
            "insufficient funds for gas * price + value: balance 42000000, tx cost 42000001");
    assertThat(add(dynamic(1, 0, 2000, 10), new AccountState(0, BigInteger.valueOf(42_000_001))))
        .isInstanceOf(AddOutcome.Accepted.class);
    assertRejected(add(dynamic(2, 0, 99, 1), rich(0)), PoolRejection.FEE_CAP_TOO_LOW);
  }

  @Test
  void theSenderMustAlsoPayTheL1DataFeeQuote() {
    TxPool quoted =
        new TxPool(PoolLimits.DEFAULTS, BigInteger.valueOf(100), tx -> BigInteger.valueOf(5));
    // 42,000,001 wei of gas and value + 5 wei quoted L1 data fee
    AddOutcome.Rejected poor =
        assertRejected(
            quoted.add(
                dynamic(1, 0, 2000, 10), new AccountState(0, BigInteger.valueOf(42_000_005)), T0),
            PoolRejection.INSUFFICIENT_FUNDS);
    assertThat(poor.message())
        .isEqualTo(
            "insufficient funds for gas * price + value: balance 42000005, tx cost 42000006");
    assertThat(
            quoted.add(
                dynamic(1, 0, 2000, 10), new AccountState(0, BigInteger.valueOf(42_000_006)), T0))
        .isInstanceOf(AddOutcome.Accepted.class);
  }

  @Test
  void aReplacementMustRaiseBothCapsByTheBump() {
    add(dynamic(1, 0, 1000, 100), rich(0));
    AddOutcome.Rejected cheap =
        assertRejected(
            add(dynamic(1, 0, 1099, 110), rich(0)), PoolRejection.REPLACEMENT_UNDERPRICED);
    assertThat(cheap.message())
        .isEqualTo("replacement transaction underpriced: needs fee cap ≥ 1100 and tip cap ≥ 110");
    assertRejected(add(dynamic(1, 0, 2000, 109), rich(0)), PoolRejection.REPLACEMENT_UNDERPRICED);

    VerifiedTransaction better = dynamic(1, 0, 1100, 110);
    AddOutcome.Accepted replaced = accepted(add(better, rich(0)));
    assertThat(replaced.replaced()).isPresent();
    assertThat(replaced.pending()).isTrue();
    assertThat(pool.get(better.hash())).isPresent();
    assertThat(pool.get(replaced.replaced().get().hash())).isEmpty();
    assertThat(pool.pendingCount()).isEqualTo(1);
  }

  @Test
  void outbiddingIsStrictEvenForAZeroTipOrAZeroBump() {
    add(dynamic(1, 0, 1000, 0), rich(0));
    AddOutcome.Rejected zeroTip =
        assertRejected(add(dynamic(1, 0, 5000, 0), rich(0)), PoolRejection.REPLACEMENT_UNDERPRICED);
    assertThat(zeroTip.detail()).isEqualTo("needs fee cap ≥ 1100 and tip cap ≥ 1");
    assertThat(accepted(add(dynamic(1, 0, 1100, 1), rich(0))).replaced()).isPresent();

    TxPool noBump = new TxPool(new PoolLimits(1, 8, 2, 8, Duration.ofHours(3), 0), BigInteger.ONE);
    noBump.add(dynamic(1, 0, 2000, 10), rich(0), T0);
    noBump.add(dynamic(1, 1, 2000, 10), rich(0), T0);
    assertRejected(noBump.add(dynamic(2, 0, 2000, 10), rich(0), T0), PoolRejection.POOL_FULL);
    assertThat(accepted(noBump.add(dynamic(2, 0, 2001, 11), rich(0), T0)).evicted()).hasSize(1);
  }

  @Test
  void legacyTransactionsUseTheGasPriceForBothCaps() {
    add(legacy(1, 0, 1000), rich(0));
    assertRejected(add(legacy(1, 0, 1099), rich(0)), PoolRejection.REPLACEMENT_UNDERPRICED);
    assertThat(accepted(add(legacy(1, 0, 1100), rich(0))).replaced()).isPresent();
  }

  @Test
  void limitsTheQueuedTransactionsOfOneSender() {
    TxPool small =
        new TxPool(new PoolLimits(16, 3, 100, 100, Duration.ofHours(3), 10), BigInteger.ONE);
    for (long nonce = 1; nonce <= 3; nonce++) {
      assertThat(small.add(dynamic(1, nonce, 2000, 10), rich(0), T0))
          .isInstanceOf(AddOutcome.Accepted.class);
    }
    assertThat(small.add(dynamic(1, 4, 2000, 10), rich(0), T0))
        .isInstanceOfSatisfying(
            AddOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(PoolRejection.ACCOUNT_LIMIT));
  }

  @Test
  void aFullPoolRefusesANewcomerThatPaysTheSameAndEvictsNothing() {
    TxPool small = new TxPool(new PoolLimits(2, 8, 4, 8, Duration.ofHours(3), 10), BigInteger.ONE);
    for (long nonce = 0; nonce < 4; nonce++) {
      small.add(dynamic(1, nonce, 2000, 10), rich(0), T0);
    }

    AddOutcome.Rejected full =
        assertRejected(small.add(dynamic(2, 0, 2000, 10), rich(0), T0), PoolRejection.POOL_FULL);

    assertThat(full.message())
        .isEqualTo(
            "txpool is full: pending 4 of 4, and it outbids no evictable transaction by 10 %");
    assertThat(small.transactionsOf(sender(1)))
        .extracting(PooledTransaction::nonce)
        .containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void aNewcomerThatOutbidsByTheBumpEvictsTheCheapestTailBeyondTheGuaranteedSlots() {
    TxPool small = new TxPool(new PoolLimits(2, 8, 6, 8, Duration.ofHours(3), 10), BigInteger.ONE);
    for (long nonce = 0; nonce < 3; nonce++) {
      small.add(dynamic(1, nonce, 3000, 30), rich(0), T0);
      small.add(dynamic(2, nonce, 2000, 20), rich(0), T0);
    }

    // 2,199 is below 2,000 + 10 %: refused. 2,200 / 22 outbids sender 2's tail (not sender 1's).
    assertRejected(small.add(dynamic(3, 0, 2199, 22), rich(0), T0), PoolRejection.POOL_FULL);
    assertRejected(small.add(dynamic(3, 0, 2200, 21), rich(0), T0), PoolRejection.POOL_FULL);
    AddOutcome.Accepted first = accepted(small.add(dynamic(3, 0, 2200, 22), rich(0), T0));
    assertThat(first.evicted())
        .singleElement()
        .satisfies(tx -> assertThat(senderIndex(tx) + ":" + tx.nonce()).isEqualTo("2:2"));
    assertThat(small.pendingCount()).isEqualTo(6);

    // Sender 2 is back within its two slots; only sender 1's tail is left, and it costs more.
    assertRejected(small.add(dynamic(4, 0, 3299, 100), rich(0), T0), PoolRejection.POOL_FULL);
    AddOutcome.Accepted second = accepted(small.add(dynamic(4, 0, 3300, 33), rich(0), T0));
    assertThat(second.evicted())
        .singleElement()
        .satisfies(tx -> assertThat(senderIndex(tx) + ":" + tx.nonce()).isEqualTo("1:2"));

    // Everyone is within the guaranteed slots now: no fee buys room.
    assertRejected(
        small.add(dynamic(5, 0, 1_000_000, 1_000_000), rich(0), T0), PoolRejection.POOL_FULL);
    assertThat(small.transactionsOf(sender(1))).extracting(PooledTransaction::nonce).hasSize(2);
    assertThat(small.transactionsOf(sender(2))).extracting(PooledTransaction::nonce).hasSize(2);
  }

  @Test
  void theEvictionFloorFollowsThePoolWhenACheaperTailArrivesAfterARefusal() {
    TxPool small = new TxPool(new PoolLimits(1, 8, 4, 8, Duration.ofHours(3), 10), BigInteger.ONE);
    for (long nonce = 0; nonce < 2; nonce++) {
      small.add(dynamic(1, nonce, 3000, 30), rich(0), T0);
      small.add(dynamic(2, nonce, 3000, 30), rich(0), T0);
    }
    // Every evictable tail has fee cap 3,000: 2,200 is refused without looking further.
    assertRejected(small.add(dynamic(3, 0, 2200, 22), rich(0), T0), PoolRejection.POOL_FULL);

    // A block takes sender 1's two; it sends two cheaper ones: its tail (2,000) is the floor now.
    small.onNewNonces(Map.of(sender(1), 2L));
    small.add(dynamic(1, 2, 2000, 20), rich(2), T0);
    small.add(dynamic(1, 3, 2000, 20), rich(2), T0);
    assertThat(small.pendingCount()).isEqualTo(4);

    AddOutcome.Accepted accepted = accepted(small.add(dynamic(3, 0, 2200, 22), rich(0), T0));
    assertThat(accepted.evicted())
        .singleElement()
        .satisfies(tx -> assertThat(senderIndex(tx) + ":" + tx.nonce()).isEqualTo("1:3"));
  }

  @Test
  void neverEvictsInFrontOfAQueuedNonceNorFromTheNewcomersOwnSender() {
    TxPool small = new TxPool(new PoolLimits(1, 8, 4, 8, Duration.ofHours(3), 10), BigInteger.ONE);
    small.add(dynamic(1, 0, 2000, 10), rich(0), T0);
    small.add(dynamic(1, 1, 2000, 10), rich(0), T0);
    small.add(dynamic(1, 3, 2000, 10), rich(0), T0); // queued behind nonce 2
    small.add(dynamic(2, 0, 2000, 10), rich(0), T0);
    small.add(dynamic(2, 1, 2000, 10), rich(0), T0);
    assertThat(small.pendingCount()).isEqualTo(4);

    // Sender 1's pending tail has nonce 3 behind it; sender 2 is the adder itself.
    assertRejected(
        small.add(dynamic(2, 2, 1_000_000, 1_000_000), rich(0), T0), PoolRejection.POOL_FULL);
    // A third sender may take sender 2's tail (nothing of sender 2 is behind it).
    AddOutcome.Accepted accepted =
        accepted(small.add(dynamic(3, 0, 1_000_000, 1_000_000), rich(0), T0));
    assertThat(accepted.evicted())
        .singleElement()
        .satisfies(tx -> assertThat(senderIndex(tx) + ":" + tx.nonce()).isEqualTo("2:1"));
    assertThat(small.transactionsOf(sender(1)))
        .extracting(PooledTransaction::nonce)
        .containsExactly(0L, 1L, 3L);
  }

  @Test
  void aFullQueuedAreaRefusesInsteadOfEvicting() {
    TxPool small = new TxPool(new PoolLimits(4, 2, 8, 2, Duration.ofHours(3), 10), BigInteger.ONE);
    small.add(dynamic(1, 5, 2000, 10), rich(0), T0);
    small.add(dynamic(1, 6, 2000, 10), rich(0), T0.plusSeconds(1));

    AddOutcome.Rejected full =
        assertRejected(
            small.add(dynamic(2, 9, 1_000_000, 1_000_000), rich(0), T0.plusSeconds(2)),
            PoolRejection.POOL_FULL);

    assertThat(full.message()).isEqualTo("txpool is full: queued 2 of 2, never evicted");
    assertThat(small.queuedCount()).isEqualTo(2);
    // An executable transaction still gets in.
    assertPending(small.add(dynamic(2, 0, 2000, 10), rich(0), T0));
  }

  @Test
  void readmittingAnAcknowledgedTransactionIgnoresTheCapacityLimits() {
    TxPool small = new TxPool(new PoolLimits(1, 1, 1, 1, Duration.ofHours(3), 10), BigInteger.ONE);
    small.add(dynamic(1, 0, 2000, 10), rich(0), T0);
    small.add(dynamic(1, 5, 2000, 10), rich(0), T0);

    AddOutcome.Accepted pending = accepted(small.readmit(dynamic(2, 0, 2000, 10), rich(0), T0));
    AddOutcome.Accepted queued = accepted(small.readmit(dynamic(2, 7, 2000, 10), rich(0), T0));
    AddOutcome.Accepted secondQueued =
        accepted(small.readmit(dynamic(2, 8, 2000, 10), rich(0), T0));

    assertThat(List.of(pending, queued, secondQueued))
        .allSatisfy(a -> assertThat(a.evicted()).isEmpty());
    assertThat(small.pendingCount()).isEqualTo(2);
    assertThat(small.queuedCount()).isEqualTo(3);
    // The other checks still apply.
    assertRejected(small.readmit(dynamic(3, 0, 99, 1), rich(1), T0), PoolRejection.NONCE_TOO_LOW);
  }

  @Test
  void aSealedBlockDropsIncludedTransactionsAndPromotesQueuedOnes() {
    add(dynamic(1, 0, 2000, 10), rich(0));
    add(dynamic(1, 1, 2000, 10), rich(0));
    add(dynamic(1, 3, 2000, 10), rich(0));
    assertThat(pool.queuedCount()).isEqualTo(1);

    List<PooledTransaction> dropped = pool.onNewNonces(Map.of(sender(1), 3L));

    assertThat(dropped).extracting(PooledTransaction::nonce).containsExactlyInAnyOrder(0L, 1L);
    assertThat(pool.pendingCount()).isEqualTo(1);
    assertThat(pool.queuedCount()).isZero();
    assertThat(pool.pendingNonce(sender(1), 3)).isEqualTo(4);
  }

  @Test
  void aStaleAccountViewNeverMovesASenderBackwards() {
    add(dynamic(1, 0, 2000, 10), rich(0));
    add(dynamic(1, 1, 2000, 10), rich(0));
    pool.onNewNonces(Map.of(sender(1), 1L));
    assertRejected(add(dynamic(1, 0, 3000, 10), rich(0)), PoolRejection.NONCE_TOO_LOW);
    assertThat(pool.pendingNonce(sender(1), 0)).isEqualTo(2);
  }

  @Test
  void queuedTransactionsExpireAfterTheLifetime() {
    pool.add(dynamic(1, 0, 2000, 10), rich(0), T0);
    pool.add(dynamic(1, 7, 2000, 10), rich(0), T0);
    pool.add(dynamic(2, 7, 2000, 10), rich(0), T0.plus(Duration.ofHours(2)));

    List<PooledTransaction> expired = pool.expire(T0.plus(Duration.ofHours(3)).plusSeconds(1));

    assertThat(expired)
        .singleElement()
        .satisfies(tx -> assertThat(tx.sender()).isEqualTo(sender(1)));
    assertThat(pool.pendingCount()).isEqualTo(1);
    assertThat(pool.queuedCount()).isEqualTo(1);
  }

  @Test
  void fifoSelectsByArrivalAcrossSendersAndByNonceWithin() {
    add(dynamic(1, 0, 2000, 1), rich(0));
    add(dynamic(2, 0, 2000, 50), rich(0));
    add(dynamic(1, 1, 2000, 99), rich(0));
    add(dynamic(3, 0, 2000, 10), rich(0));

    List<PooledTransaction> block = pool.select(BASE_FEE, 1_000_000, 100, FIFO);

    assertThat(block)
        .extracting(tx -> senderIndex(tx) + ":" + tx.nonce())
        .containsExactly("1:0", "2:0", "1:1", "3:0");
  }

  @Test
  void priorityFeeSelectsTheHighestEffectiveTipFirst() {
    add(dynamic(1, 0, 2000, 1), rich(0));
    add(dynamic(1, 1, 2000, 900), rich(0));
    add(dynamic(2, 0, 2000, 50), rich(0));
    add(dynamic(3, 0, 1100, 500), rich(0)); // effective tip at base fee 1000: min(500, 100) = 100

    List<PooledTransaction> block = pool.select(BASE_FEE, 1_000_000, 100, BY_TIP);

    assertThat(block)
        .extracting(tx -> senderIndex(tx) + ":" + tx.nonce())
        .containsExactly("3:0", "2:0", "1:0", "1:1");
  }

  @Test
  void selectionSkipsFeeCapsBelowTheBaseFeeAndRespectsTheGasBudget() {
    add(dynamic(1, 0, 999, 1), rich(0)); // cannot pay the base fee
    add(dynamicWithGas(2, 0, 2000, 50_000), rich(0));
    add(dynamicWithGas(2, 1, 2000, 21_000), rich(0));
    add(dynamicWithGas(3, 0, 2000, 30_000), rich(0));

    List<PooledTransaction> block = pool.select(BASE_FEE, 80_000, 100, FIFO);

    // 2:0 (50k) fits, 2:1 (21k) fits (71k), 3:0 (30k) does not.
    assertThat(block)
        .extracting(tx -> senderIndex(tx) + ":" + tx.nonce())
        .containsExactly("2:0", "2:1");
    assertThat(pool.select(BASE_FEE, 1_000_000, 1, FIFO)).hasSize(1);
    assertThat(pool.pendingCount()).isEqualTo(4);
  }

  @Test
  void limitsAreValidatedWithTheirValuesInTheMessage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new PoolLimits(4, 8, 8, 2, Duration.ofHours(3), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "per-sender limits exceed the global ones:"
                + " accountSlots=4 accountQueue=8 globalSlots=8 globalQueue=2");
  }

  private AddOutcome add(VerifiedTransaction tx, AccountState account) {
    return pool.add(tx, account, T0);
  }

  private static AddOutcome.Accepted accepted(AddOutcome outcome) {
    assertThat(outcome).isInstanceOf(AddOutcome.Accepted.class);
    return (AddOutcome.Accepted) outcome;
  }

  private static void assertPending(AddOutcome outcome) {
    assertThat(accepted(outcome).pending()).isTrue();
  }

  private static AddOutcome.Rejected assertRejected(AddOutcome outcome, PoolRejection reason) {
    assertThat(outcome).isInstanceOf(AddOutcome.Rejected.class);
    AddOutcome.Rejected rejected = (AddOutcome.Rejected) outcome;
    assertThat(rejected.reason()).isEqualTo(reason);
    return rejected;
  }

  private static Address sender(int index) {
    return dynamic(index, 0, 2000, 1).sender();
  }

  private static int senderIndex(PooledTransaction tx) {
    for (int i = 1; i <= 10; i++) {
      if (sender(i).equals(tx.sender())) {
        return i;
      }
    }
    throw new AssertionError("unknown sender " + tx.sender());
  }
}
