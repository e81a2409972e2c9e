package io.paraseq.sequencer.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of adds (new, replacements, gaps, stale nonces), sealed blocks and expiry keep
 * the pool consistent: counts match the contents, each sender's transactions are in nonce order, a
 * selected block takes each sender's transactions contiguously from its account nonce, and an
 * acknowledged transaction leaves the pool only by inclusion, replacement, expiry or an eviction
 * that follows the rule (another sender's tail beyond its guaranteed slots, nothing queued behind
 * it, outbid by the price bump). With equal fees, no acknowledged transaction is ever evicted, even
 * at full capacity.
 */
class TxPoolInvariantsTest {

  private static final int SENDERS = 4;
  private static final PoolLimits LIMITS = new PoolLimits(3, 4, 8, 6, Duration.ofHours(3), 10);
  private static final Map<String, VerifiedTransaction> TXS = new ConcurrentHashMap<>();
  private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

  /** One step of a random history. */
  sealed interface Op {}

  /** A transaction; {@code next} sends the sender's next pending nonce instead of {@code nonce}. */
  record Add(int sender, long nonce, boolean next, int feeLevel, int minutes) implements Op {}

  record Seal(int sender, long advance) implements Op {}

  record Expire(int minutes) implements Op {}

  @Provide
  Arbitrary<List<Op>> histories() {
    return histories(Arbitraries.integers().between(0, 3));
  }

  @Provide
  Arbitrary<List<Op>> equalFeeHistories() {
    return histories(Arbitraries.just(0));
  }

  private static Arbitrary<List<Op>> histories(Arbitrary<Integer> feeLevels) {
    Arbitrary<Op> add =
        Combinators.combine(
                Arbitraries.integers().between(1, SENDERS),
                Arbitraries.longs().between(0, 9),
                Arbitraries.frequency(Tuple.of(2, true), Tuple.of(1, false)),
                feeLevels,
                Arbitraries.integers().between(0, 300))
            .as(Add::new);
    Arbitrary<Op> seal =
        Combinators.combine(
                Arbitraries.integers().between(1, SENDERS), Arbitraries.longs().between(1, 3))
            .as(Seal::new);
    Arbitrary<Op> expire = Arbitraries.integers().between(0, 400).map(Expire::new);
    return Arbitraries.frequencyOf(Tuple.of(10, add), Tuple.of(1, seal), Tuple.of(1, expire))
        .list()
        .ofMaxSize(60);
  }

  @Property(tries = 300)
  void poolStaysConsistent(@ForAll("histories") List<Op> history) {
    replay(history, false);
    Statistics.label("add at full capacity").coverage(c -> c.check(true).percentage(p -> p > 5));
    Statistics.label("add evicted").coverage(c -> c.check(true).count(n -> n > 0));
  }

  @Property(tries = 300)
  void atFullCapacityWithEqualFeesNoAcknowledgedTransactionIsEvicted(
      @ForAll("equalFeeHistories") List<Op> history) {
    replay(history, true);
    Statistics.label("add at full capacity").coverage(c -> c.check(true).percentage(p -> p > 5));
  }

  /**
   * Runs a history, checking the pool after each step; {@code acknowledged} holds what was accepted
   * and has not left by an allowed exit.
   */
  private static void replay(List<Op> history, boolean equalFees) {
    TxPool pool = new TxPool(LIMITS, BigInteger.ONE);
    Map<Integer, Long> accountNonce = new HashMap<>();
    Map<Hash, PooledTransaction> acknowledged = new HashMap<>();
    for (Op op : history) {
      switch (op) {
        case Add a -> {
          long state = accountNonce.getOrDefault(a.sender(), 0L);
          long nonce = a.next() ? pool.pendingNonce(sender(a.sender()), state) : a.nonce();
          boolean full = pool.pendingCount() >= LIMITS.globalSlots();
          AddOutcome outcome =
              pool.add(
                  tx(a.sender(), nonce, a.feeLevel()),
                  PoolTransactions.rich(state),
                  T0.plus(Duration.ofMinutes(a.minutes())));
          Statistics.label("add at full capacity").collect(full);
          Statistics.label("add evicted")
              .collect(outcome instanceof AddOutcome.Accepted r && !r.evicted().isEmpty());
          if (outcome instanceof AddOutcome.Accepted accepted) {
            if (equalFees) {
              assertThat(accepted.evicted()).isEmpty();
            }
            for (PooledTransaction victim : accepted.evicted()) {
              checkEviction(pool, accepted.transaction(), victim);
              acknowledged.remove(victim.hash());
            }
            accepted.replaced().ifPresent(old -> acknowledged.remove(old.hash()));
            acknowledged.put(accepted.transaction().hash(), accepted.transaction());
          }
        }
        case Seal s -> {
          long next = accountNonce.getOrDefault(s.sender(), 0L) + s.advance();
          accountNonce.put(s.sender(), next);
          pool.onNewNonces(Map.of(sender(s.sender()), next))
              .forEach(tx -> acknowledged.remove(tx.hash()));
        }
        case Expire e ->
            pool.expire(T0.plus(Duration.ofMinutes(e.minutes())))
                .forEach(tx -> acknowledged.remove(tx.hash()));
      }
      check(pool, accountNonce);
      assertThat(acknowledged.keySet()).allSatisfy(h -> assertThat(pool.get(h)).isPresent());
    }
  }

  /**
   * An eviction followed the rule: another sender's, outbid by the bump, and its sender is left
   * with pending transactions only, all below it, as many as its guaranteed slots or more.
   */
  private static void checkEviction(
      TxPool pool, PooledTransaction newcomer, PooledTransaction victim) {
    assertThat(victim.sender()).isNotEqualTo(newcomer.sender());
    BigInteger hundred = BigInteger.valueOf(100);
    BigInteger bumped = BigInteger.valueOf(100L + LIMITS.priceBumpPercent());
    assertThat(newcomer.feeCap().multiply(hundred))
        .isGreaterThanOrEqualTo(victim.feeCap().multiply(bumped));
    assertThat(newcomer.tipCap().multiply(hundred))
        .isGreaterThanOrEqualTo(victim.tipCap().multiply(bumped));
    List<PooledTransaction> left = pool.transactionsOf(victim.sender());
    assertThat(left).hasSizeGreaterThanOrEqualTo(LIMITS.accountSlots());
    assertThat(left).allSatisfy(tx -> assertThat(tx.nonce()).isLessThan(victim.nonce()));
    assertThat(left.getLast().nonce()).isEqualTo(victim.nonce() - 1);
  }

  private static void check(TxPool pool, Map<Integer, Long> accountNonce) {
    int total = 0;
    int pending = 0;
    for (int s = 1; s <= SENDERS; s++) {
      List<PooledTransaction> txs = pool.transactionsOf(sender(s));
      total += txs.size();
      long expected = accountNonce.getOrDefault(s, 0L);
      boolean contiguous = true;
      long previous = -1;
      for (PooledTransaction tx : txs) {
        assertThat(tx.nonce()).isGreaterThan(previous).isGreaterThanOrEqualTo(expected);
        previous = tx.nonce();
        if (contiguous && tx.nonce() == expected) {
          pending++;
          expected++;
        } else {
          contiguous = false;
        }
        assertThat(pool.get(tx.hash())).contains(tx);
      }
      assertThat(pool.pendingNonce(sender(s), accountNonce.getOrDefault(s, 0L)))
          .isEqualTo(expected);
    }
    assertThat(pool.pendingCount()).isEqualTo(pending);
    assertThat(pool.queuedCount()).isEqualTo(total - pending);
    assertThat(pool.queuedCount()).isLessThanOrEqualTo(LIMITS.globalQueue());

    Map<Address, Long> nextInBlock = new HashMap<>();
    for (PooledTransaction tx :
        pool.select(
            BigInteger.ONE,
            Long.MAX_VALUE,
            1000,
            OrderingPolicy.of(OrderingPolicy.Kind.PRIORITY_FEE))) {
      long want = nextInBlock.computeIfAbsent(tx.sender(), a -> accountNonceOf(a, accountNonce));
      assertThat(tx.nonce()).isEqualTo(want);
      nextInBlock.put(tx.sender(), want + 1);
    }
  }

  private static long accountNonceOf(Address address, Map<Integer, Long> accountNonce) {
    for (int s = 1; s <= SENDERS; s++) {
      if (sender(s).equals(address)) {
        return accountNonce.getOrDefault(s, 0L);
      }
    }
    throw new AssertionError("unknown sender " + address);
  }

  private static VerifiedTransaction tx(int sender, long nonce, int feeLevel) {
    long maxFee = 1000L * (1 + feeLevel) * (1 + feeLevel);
    return TXS.computeIfAbsent(
        sender + ":" + nonce + ":" + feeLevel,
        k -> PoolTransactions.dynamic(sender, nonce, maxFee, maxFee / 10));
  }

  private static Address sender(int index) {
    return tx(index, 0, 0).sender();
  }
}
