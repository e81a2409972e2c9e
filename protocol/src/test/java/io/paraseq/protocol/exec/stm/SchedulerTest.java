package io.paraseq.protocol.exec.stm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.exec.stm.Scheduler.Status;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The scheduler driven step by step on one thread, as the paper's algorithms describe it. */
class SchedulerTest {

  @Test
  void anEmptyBlockIsDoneAtTheFirstLook() {
    Scheduler scheduler = new Scheduler(0);

    assertThat(scheduler.nextTask()).isEmpty();
    assertThat(scheduler.done()).isTrue();
  }

  @Test
  void withoutConflictsEachTransactionIsExecutedAndValidatedOnceInOrder() {
    Scheduler scheduler = new Scheduler(2);

    assertThat(scheduler.nextTask()).contains(exec(0, 0));
    assertThat(scheduler.status(0)).isEqualTo(Status.EXECUTING);
    // validation index 0 < execution index 1, but 0 is still executing: nothing to validate yet
    assertThat(scheduler.nextTask()).isEmpty();
    assertThat(scheduler.validationIndex()).isEqualTo(1);
    assertThat(scheduler.nextTask()).contains(exec(1, 0));

    // 0 wrote a new location after the validation index passed it: the index comes back to 0
    assertThat(scheduler.finishExecution(0, 0, true)).isEmpty();
    assertThat(scheduler.validationIndex()).isZero();
    assertThat(scheduler.nextTask()).contains(validate(0, 0));
    assertThat(scheduler.finishValidation(0, false)).isEmpty();
    // 1 wrote only new locations too, but the validation index has not passed it
    assertThat(scheduler.finishExecution(1, 0, true)).isEmpty();
    assertThat(scheduler.nextTask()).contains(validate(1, 0));
    assertThat(scheduler.done()).isFalse();
    assertThat(scheduler.finishValidation(1, false)).isEmpty();

    assertThat(scheduler.nextTask()).isEmpty();
    assertThat(scheduler.done()).isTrue();
    assertThat(scheduler.validationAborts()).isZero();
    assertThat(scheduler.suspensions()).isZero();
  }

  @Test
  void aReExecutionThatWritesNoNewLocationValidatesOnlyItself() {
    Scheduler scheduler = new Scheduler(3);
    Task validation = executeTwoAndTakeTheSecondsValidation(scheduler);
    assertThat(scheduler.nextTask()).contains(exec(2, 0));
    assertThat(scheduler.finishExecution(2, 0, true)).isEmpty();

    // the validation of 1 finds its reads changed
    assertThat(validation).isEqualTo(validate(1, 0));
    assertThat(scheduler.tryValidationAbort(1, 0)).isTrue();
    assertThat(scheduler.tryValidationAbort(1, 0)).isFalse(); // only one validator aborts it
    assertThat(scheduler.status(1)).isEqualTo(Status.ABORTING);
    // the aborting validator re-runs it at once: the execution index has passed it
    assertThat(scheduler.finishValidation(1, true)).contains(exec(1, 1));
    assertThat(scheduler.validationIndex()).isEqualTo(2);

    assertThat(scheduler.finishExecution(1, 1, false)).contains(validate(1, 1));
    assertThat(scheduler.finishValidation(1, false)).isEmpty();
    // 2 is validated after 1's abort (the index stays at 2)
    assertThat(scheduler.nextTask()).contains(validate(2, 0));
    assertThat(scheduler.finishValidation(2, false)).isEmpty();
    assertThat(scheduler.nextTask()).isEmpty();
    assertThat(scheduler.done()).isTrue();
    assertThat(scheduler.validationAborts()).isEqualTo(1);
  }

  @Test
  void aReaderOfAnEstimateWaitsForTheWritersNextIncarnation() {
    Scheduler scheduler = new Scheduler(2);
    assertThat(scheduler.nextTask()).contains(exec(0, 0));
    assertThat(scheduler.nextTask()).isEmpty(); // validation of 0: still executing
    assertThat(scheduler.nextTask()).contains(exec(1, 0));

    // 1 meets an ESTIMATE of 0, which has not executed: 1 is suspended on it
    assertThat(scheduler.addDependency(1, 0)).isTrue();
    assertThat(scheduler.status(1)).isEqualTo(Status.ABORTING);
    assertThat(scheduler.suspensions()).isEqualTo(1);
    assertThat(scheduler.nextTask()).isEmpty();
    assertThat(scheduler.done()).isFalse(); // 0 is still active

    // 0 finishes: 1 is ready with its next incarnation and the execution index comes back to it
    assertThat(scheduler.finishExecution(0, 0, true)).isEmpty();
    assertThat(scheduler.status(1)).isEqualTo(Status.READY_TO_EXECUTE);
    assertThat(scheduler.incarnation(1)).isEqualTo(1);
    assertThat(scheduler.executionIndex()).isEqualTo(1);
    assertThat(scheduler.nextTask()).contains(validate(0, 0));
    assertThat(scheduler.finishValidation(0, false)).isEmpty();
    assertThat(scheduler.nextTask()).contains(exec(1, 1));
    assertThat(scheduler.finishExecution(1, 1, true)).isEmpty();
    assertThat(scheduler.nextTask()).contains(validate(1, 1));
    assertThat(scheduler.finishValidation(1, false)).isEmpty();
    assertThat(scheduler.nextTask()).isEmpty();
    assertThat(scheduler.done()).isTrue();
  }

  @Test
  void aDependencyOnATransactionThatHasExecutedAgainIsRefused() {
    Scheduler scheduler = new Scheduler(2);
    assertThat(scheduler.nextTask()).contains(exec(0, 0));
    assertThat(scheduler.nextTask()).isEmpty();
    assertThat(scheduler.nextTask()).contains(exec(1, 0));
    assertThat(scheduler.finishExecution(0, 0, true)).isEmpty();

    assertThat(scheduler.addDependency(1, 0)).isFalse();
    assertThat(scheduler.status(1)).isEqualTo(Status.EXECUTING); // it runs again as it is
  }

  @Test
  void aSuspendedTransactionIsResumedWhenItsBlockerIsReExecutedAfterAnAbort() {
    Scheduler scheduler = new Scheduler(3);
    Task validation = executeTwoAndTakeTheSecondsValidation(scheduler);
    assertThat(scheduler.nextTask()).contains(exec(2, 0));
    assertThat(validation).isEqualTo(validate(1, 0));
    assertThat(scheduler.tryValidationAbort(1, 0)).isTrue(); // 1's writes are now ESTIMATEs

    assertThat(scheduler.addDependency(2, 1)).isTrue(); // 2 read one of them
    assertThat(scheduler.finishValidation(1, true)).contains(exec(1, 1));
    assertThat(scheduler.status(2)).isEqualTo(Status.ABORTING);

    assertThat(scheduler.finishExecution(1, 1, false)).contains(validate(1, 1));
    assertThat(scheduler.status(2)).isEqualTo(Status.READY_TO_EXECUTE);
    assertThat(scheduler.executionIndex()).isEqualTo(2);
    assertThat(scheduler.finishValidation(1, false)).isEmpty();
    assertThat(scheduler.nextTask()).contains(exec(2, 1));
    assertThat(scheduler.finishExecution(2, 1, true)).isEmpty();
    assertThat(scheduler.nextTask()).contains(validate(2, 1));
    assertThat(scheduler.finishValidation(2, false)).isEmpty();
    assertThat(scheduler.nextTask()).isEmpty();
    assertThat(scheduler.done()).isTrue();
  }

  @Test
  void statusChangesOutOfOrderAreBugsAndThrow() {
    Scheduler scheduler = new Scheduler(1);
    assertThatThrownBy(() -> scheduler.finishExecution(0, 0, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("READY_TO_EXECUTE");
  }

  /**
   * Regression: a worker whose last task ended without a look at the done condition (here the
   * validation it finished; in a run, a failed try_incarnate) must not park for ever. The first
   * property run hung this way, every worker parked with nothing active.
   */
  @Test
  void aWorkerAboutToParkWithNothingActiveEndsTheBlock() throws Exception {
    Scheduler scheduler = new Scheduler(1);
    assertThat(scheduler.nextTask()).contains(exec(0, 0));
    assertThat(scheduler.nextTask()).isEmpty(); // 0 is executing: nothing to validate
    assertThat(scheduler.finishExecution(0, 0, false)).contains(validate(0, 0));
    assertThat(scheduler.finishValidation(0, false)).isEmpty();
    assertThat(scheduler.done()).isFalse(); // nobody has looked yet

    Thread worker =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    scheduler.awaitWork();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    worker.join(TimeUnit.SECONDS.toMillis(5));

    assertThat(worker.isAlive()).isFalse();
    assertThat(scheduler.done()).isTrue();
  }

  @Test
  void anIdleWorkerParksUntilTheBlockIsDone() throws Exception {
    Scheduler scheduler = new Scheduler(1);
    assertThat(scheduler.nextTask()).contains(exec(0, 0));
    assertThat(scheduler.nextTask()).isEmpty(); // both indices are past the end now

    CountDownLatch parked = new CountDownLatch(1);
    AtomicReference<Throwable> error = new AtomicReference<>();
    Thread idle =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    parked.countDown();
                    scheduler.awaitWork();
                  } catch (Throwable t) {
                    error.set(t);
                  }
                });
    assertThat(parked.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.finishExecution(0, 0, true)).isEmpty(); // lowers the validation index

    idle.join(TimeUnit.SECONDS.toMillis(5));
    assertThat(idle.isAlive()).isFalse();
    assertThat(error.get()).isNull();
  }

  @Test
  void aFailureEndsTheBlockAndWakesParkedWorkers() throws Exception {
    Scheduler scheduler = new Scheduler(1);
    assertThat(scheduler.nextTask()).contains(exec(0, 0));
    assertThat(scheduler.nextTask()).isEmpty();
    Thread idle =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    scheduler.awaitWork();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    IllegalStateException bug = new IllegalStateException("bug");

    scheduler.fail(bug);

    idle.join(TimeUnit.SECONDS.toMillis(5));
    assertThat(idle.isAlive()).isFalse();
    assertThat(scheduler.done()).isTrue();
    assertThat(scheduler.failure()).contains(bug);
  }

  /**
   * Executes and validates 0, executes 1 and returns the validation task of 1, which the caller
   * holds (an active task) while it goes on.
   */
  private static Task executeTwoAndTakeTheSecondsValidation(Scheduler scheduler) {
    assertThat(scheduler.nextTask()).contains(exec(0, 0));
    assertThat(scheduler.finishExecution(0, 0, true)).isEmpty();
    assertThat(scheduler.nextTask()).contains(validate(0, 0));
    assertThat(scheduler.finishValidation(0, false)).isEmpty();
    assertThat(scheduler.nextTask()).contains(exec(1, 0));
    assertThat(scheduler.finishExecution(1, 0, true)).isEmpty();
    return scheduler.nextTask().orElseThrow();
  }

  private static Task exec(int tx, int incarnation) {
    return Task.execution(new Version(tx, incarnation));
  }

  private static Task validate(int tx, int incarnation) {
    return Task.validation(new Version(tx, incarnation));
  }
}
