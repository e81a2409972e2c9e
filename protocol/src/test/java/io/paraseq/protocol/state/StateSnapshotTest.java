package io.paraseq.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Snapshots are unchanged by later diffs, also while the writer applies them on another thread. */
class StateSnapshotTest {

  private static final Address A = StateArbitraries.address(1);
  private static final Address B = StateArbitraries.address(2);
  private static final Hash SLOT = StateArbitraries.slot(0);

  @Test
  void aViewShowsTheStateOfItsBlockOnly() {
    WorldState state = WorldState.empty();
    state.apply(
        StateDiff.builder()
            .setAccount(A, Account.of(1, Wei.of(10)))
            .setStorage(A, SLOT, Word.of(1))
            .build());
    StateSnapshot block1 = state.view();
    state.apply(
        StateDiff.builder().deleteAccount(A).setAccount(B, Account.of(1, Wei.of(1))).build());
    StateSnapshot block2 = state.view();
    state.apply(StateDiff.builder().setStorage(A, SLOT, Word.of(2)).build());

    assertThat(block1.account(A).balance()).isEqualTo(Wei.of(10));
    assertThat(block1.storage(A, SLOT)).isEqualTo(Word.of(1));
    assertThat(block1.account(B)).isEqualTo(Account.EMPTY);
    assertThat(block2.account(A)).isEqualTo(Account.EMPTY);
    assertThat(block2.storage(A, SLOT)).isEqualTo(Word.ZERO);
    assertThat(state.view().storage(A, SLOT)).isEqualTo(Word.of(2));
    assertThat(block1.stateRoot()).isNotEqualTo(block2.stateRoot());
    assertThat(state.view().stateRoot()).isEqualTo(state.stateRoot());
  }

  @Test
  void readersOnOtherThreadsSeeAConsistentVersionWhileTheWriterApplies() throws Exception {
    // Invariant kept by every diff: balance(A) + balance(B) == 1000, and storage(A) = nonce(A).
    WorldState state = WorldState.empty();
    state.apply(transfer(0, 0));
    ExecutorService readers = Executors.newFixedThreadPool(2);
    AtomicBoolean done = new AtomicBoolean();
    try {
      List<Future<Long>> checks = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        checks.add(
            readers.submit(
                () -> {
                  long reads = 0;
                  while (!done.get()) {
                    StateSnapshot view = state.view();
                    for (int i = 0; i < 50; i++) {
                      Account a = view.account(A);
                      Account b = view.account(B);
                      long sum = a.balance().value().add(b.balance().value()).longValueExact();
                      if (sum != 1000
                          || view.storage(A, SLOT).toBigInteger().longValue() != a.nonce()) {
                        throw new AssertionError("inconsistent read: " + a + " " + b);
                      }
                      reads++;
                    }
                  }
                  return reads;
                }));
      }
      for (int block = 1; block <= 3000; block++) {
        state.apply(transfer(block, block % 1000));
      }
      done.set(true);
      for (Future<Long> check : checks) {
        assertThat(check.get(30, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      done.set(true);
      readers.shutdownNow();
    }
  }

  private static StateDiff transfer(long nonce, long toB) {
    return StateDiff.builder()
        .setAccount(A, Account.of(nonce, Wei.of(1000 - toB)))
        .setAccount(B, Account.of(0, Wei.of(toB)))
        .setStorage(A, SLOT, Word.of(nonce))
        .build();
  }
}
