package io.paraseq.sequencer.ingress;

import static io.paraseq.sequencer.ingress.IngressTransactions.VALIDATOR;
import static io.paraseq.sequencer.ingress.IngressTransactions.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Bytes;
import org.junit.jupiter.api.Test;

class RetryCacheTest {

  private final Bytes raw = transfer(1, 0, 1_000);
  private final VerifiedTransaction tx = VALIDATOR.verify(raw).valueIfValid().orElseThrow();

  @Test
  void aRememberedTransactionIsFoundByTheHashOfItsBytes() {
    RetryCache cache = new RetryCache(16, 1024);
    assertThat(RetryCache.hashOf(raw)).isEqualTo(tx.hash());
    assertThat(cache.get(tx.hash())).isNull();

    cache.remember(tx, raw.length());

    assertThat(cache.get(RetryCache.hashOf(raw))).isSameAs(tx);
    cache.forget(tx);
    assertThat(cache.get(tx.hash())).isNull();
  }

  @Test
  void aTransactionAboveTheSizeLimitIsNotKept() {
    RetryCache cache = new RetryCache(16, raw.length() - 1);
    cache.remember(tx, raw.length());
    assertThat(cache.get(tx.hash())).isNull();
  }

  @Test
  void aNewerTransactionOnTheSameEntryReplacesTheOlderAndForgettingTheOlderKeepsIt() {
    RetryCache cache = new RetryCache(1, 1024);
    Bytes otherRaw = transfer(2, 0, 1_000);
    VerifiedTransaction other = VALIDATOR.verify(otherRaw).valueIfValid().orElseThrow();
    cache.remember(tx, raw.length());
    cache.remember(other, otherRaw.length());

    assertThat(cache.get(tx.hash())).isNull();
    cache.forget(tx);
    assertThat(cache.get(other.hash())).isSameAs(other);
  }

  @Test
  void aLookupByTheBytesFindsWhatIsHeldAndTheCountFollowsRememberAndForget() {
    RetryCache cache = new RetryCache(1, 1024);
    Bytes otherRaw = transfer(2, 0, 1_000);
    VerifiedTransaction other = VALIDATOR.verify(otherRaw).valueIfValid().orElseThrow();
    assertThat(cache.lookup(raw)).isNull();
    assertThat(cache.size()).isZero();

    cache.remember(tx, raw.length());
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.lookup(raw)).isSameAs(tx);
    assertThat(cache.lookup(otherRaw)).isNull();

    // Overwriting the entry keeps one held; forgetting a transaction no longer held changes
    // nothing.
    cache.remember(other, otherRaw.length());
    assertThat(cache.size()).isEqualTo(1);
    cache.forget(tx);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.lookup(otherRaw)).isSameAs(other);
    cache.forget(other);
    assertThat(cache.size()).isZero();
    assertThat(cache.lookup(otherRaw)).isNull();
  }

  @Test
  void theCapacityIsAPowerOfTwo() {
    assertThatThrownBy(() -> new RetryCache(12, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be a power of two: 12");
  }
}
