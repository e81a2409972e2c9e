package io.paraseq.sequencer.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
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

/**
 * Random sequences of adds (new, replacements, gaps, stale nonces), sealed blocks and expiry keep
 * the pool consistent: counts match the contents, each sender's transactions are in nonce order,
 * and a selected block takes each sender's transactions contiguously from its account nonce.
 */
class TxPoolInvariantsTest {

  private static final int SENDERS = 4;
  private static final Map<String, VerifiedTransaction> TXS = new ConcurrentHashMap<>();
  private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

  /** One step of a random history. */
  sealed interface Op {}

  record Add(int sender, long nonce, int feeLevel, int minutes) implements Op {}

  record Seal(int sender, long advance) implements Op {}

  record Expire(int minutes) implements Op {}

  @Provide
  Arbitrary<List<Op>> histories() {
    Arbitrary<Op> add =
        Combinators.combine(
                Arbitraries.integers().between(1, SENDERS),
                Arbitraries.longs().between(0, 9),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 300))
            .as(Add::new);
    Arbitrary<Op> seal =
        Combinators.combine(
                Arbitraries.integers().between(1, SENDERS), Arbitraries.longs().between(1, 3))
            .as(Seal::new);
    Arbitrary<Op> expire = Arbitraries.integers().between(0, 400).map(Expire::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, add),
            net.jqwik.api.Tuple.of(2, seal),
            net.jqwik.api.Tuple.of(1, expire))
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 300)
  void poolStaysConsistent(@ForAll("histories") List<Op> history) {
    TxPool pool = new TxPool(new PoolLimits(3, 4, 8, 6, Duration.ofHours(3), 10), BigInteger.ONE);
    Map<Integer, Long> accountNonce = new HashMap<>();
    for (Op op : history) {
      switch (op) {
        case Add a -> {
          long nonce = accountNonce.getOrDefault(a.sender(), 0L);
          pool.add(
              tx(a.sender(), a.nonce(), a.feeLevel()),
              PoolTransactions.rich(nonce),
              T0.plus(Duration.ofMinutes(a.minutes())));
        }
        case Seal s -> {
          long next = accountNonce.getOrDefault(s.sender(), 0L) + s.advance();
          accountNonce.put(s.sender(), next);
          pool.onNewNonces(Map.of(sender(s.sender()), next));
        }
        case Expire e -> pool.expire(T0.plus(Duration.ofMinutes(e.minutes())));
      }
      check(pool, accountNonce);
    }
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
    assertThat(pool.queuedCount()).isLessThanOrEqualTo(6);

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
