package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The state task queue of the block producer, with this test's thread as the owner: refusals before
 * opening, when full and after closing; cancelled tasks are skipped; results and exceptions reach
 * the caller.
 */
class StateTasksTest {

  private final WorldState state = WorldState.empty();
  private final StateTasks tasks = new StateTasks(Thread.currentThread());

  @Test
  void runsTasksOnTheOwnerWithItsState() throws Exception {
    tasks.open();
    CompletableFuture<Hash> root = tasks.submit(WorldState::stateRoot);
    CompletableFuture<Object> broken =
        tasks.submit(
            s -> {
              throw new IllegalStateException("bug");
            });
    assertThat(root).isNotDone();

    tasks.runPending(state);

    assertThat(root.get()).isEqualTo(state.stateRoot());
    assertThat(broken)
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class);
    assertThat(tasks.isEmpty()).isTrue();
  }

  @Test
  void refusesBeforeOpeningWhenFullAndAfterClosing() {
    assertThat(tasks.submit(WorldState::stateRoot))
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(StateOwnerStoppedException.class);

    tasks.open();
    List<CompletableFuture<Hash>> waiting = new ArrayList<>();
    for (int i = 0; i < StateTasks.CAPACITY; i++) {
      waiting.add(tasks.submit(WorldState::stateRoot));
    }
    assertThat(tasks.submit(WorldState::stateRoot))
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(RejectedExecutionException.class);

    tasks.close("stopped for the test");
    tasks.close("a later reason is not kept");
    for (CompletableFuture<Hash> future : waiting) {
      assertThat(future)
          .failsWithin(java.time.Duration.ZERO)
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(StateOwnerStoppedException.class)
          .withMessageContaining("stopped for the test");
    }
    assertThat(tasks.submit(WorldState::stateRoot))
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withMessageContaining("stopped for the test");
  }

  @Test
  void aCancelledTaskIsNotRun() {
    tasks.open();
    AtomicInteger runs = new AtomicInteger();
    CompletableFuture<Integer> given = tasks.submit(s -> runs.incrementAndGet());
    given.cancel(false);

    tasks.runPending(state);

    assertThat(runs).hasValue(0);
  }

  @Test
  void anotherThreadsSubmissionsAreRunByTheOwner() throws Exception {
    tasks.open();
    List<CompletableFuture<Hash>> futures = new ArrayList<>();
    Thread submitter =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    futures.add(tasks.submit(WorldState::stateRoot));
                  }
                });
    submitter.join();

    tasks.runPending(state);

    for (CompletableFuture<Hash> future : futures) {
      assertThat(future.get()).isEqualTo(state.stateRoot());
    }
  }
}
