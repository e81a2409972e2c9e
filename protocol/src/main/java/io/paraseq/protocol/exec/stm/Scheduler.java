package io.paraseq.protocol.exec.stm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Block-STM's collaborative scheduler for one block (Gelashvili et al., "Block-STM", 2022,
 * Algorithms 4 and 5): two shared indices hand out execution and validation tasks in transaction
 * order, lowest first, to whichever worker asks.
 *
 * <ul>
 *   <li>{@code executionIndex} / {@code validationIndex}: the next transaction to execute or
 *       validate; only ever decreased below the current value by an abort or a resumed dependency,
 *       each such decrease counted in {@code decreaseCount};
 *   <li>{@code activeTasks}: tasks handed out and not yet finished; with both indices past the end
 *       and no decrease in between, zero active tasks means the block is done;
 *   <li>per transaction, under its own lock: the incarnation, the status ({@link Status}) and the
 *       transactions suspended on it (they read one of its ESTIMATEs).
 * </ul>
 *
 * <p>Thread-safe. The only lock ever taken while holding another is a higher transaction's under a
 * lower one's (in {@link #addDependency}), so there is no lock cycle. A worker with nothing to do
 * parks in {@link #awaitWork} until an index decreases or the block is done; nothing spins.
 */
final class Scheduler {

  /** Where one transaction is in its life cycle (the paper's statuses). */
  enum Status {
    /** Incarnation {@code incarnation} may be started. */
    READY_TO_EXECUTE,
    /** A worker runs incarnation {@code incarnation}. */
    EXECUTING,
    /** Incarnation {@code incarnation} recorded its reads and writes. */
    EXECUTED,
    /** Incarnation {@code incarnation} was aborted; the next one is not ready yet. */
    ABORTING
  }

  /**
   * One transaction's state; guarded by its own monitor. Keeps the tasks of its current incarnation
   * (created on first use, dropped when the next incarnation becomes ready), so handing out an
   * execution or a validation allocates nothing after the first time: the worker loop's hot path.
   */
  private static final class TxSlot {
    private final int tx;
    private int incarnation;
    private Status status = Status.READY_TO_EXECUTE;

    /** {@code List.of()} until a transaction waits, so most transactions never allocate one. */
    private List<Integer> dependents = List.of();

    private Version version;
    private Optional<Task> execution;
    private Optional<Task> validation;

    TxSlot(int tx) {
      this.tx = tx;
    }

    Version version() {
      if (version == null) {
        version = new Version(tx, incarnation);
      }
      return version;
    }

    Optional<Task> execution() {
      if (execution == null) {
        execution = Optional.of(Task.execution(version()));
      }
      return execution;
    }

    Optional<Task> validation() {
      if (validation == null) {
        validation = Optional.of(Task.validation(version()));
      }
      return validation;
    }

    void nextIncarnation() {
      incarnation++;
      version = null;
      execution = null;
      validation = null;
    }
  }

  private final int size;
  private final TxSlot[] slots;
  private final AtomicInteger executionIndex = new AtomicInteger();
  private final AtomicInteger validationIndex = new AtomicInteger();
  private final AtomicLong decreaseCount = new AtomicLong();
  private final AtomicInteger activeTasks = new AtomicInteger();
  private volatile boolean done;
  private volatile boolean abandoned;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private final ReentrantLock idleLock = new ReentrantLock();
  private final Condition workOrDone = idleLock.newCondition();
  private final AtomicInteger idleWorkers = new AtomicInteger();

  private final LongAdder suspensions = new LongAdder();
  private final LongAdder validationAborts = new LongAdder();

  /** A scheduler for a block of {@code size} transactions, all ready for incarnation 0. */
  Scheduler(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("negative block size " + size);
    }
    this.size = size;
    this.slots = new TxSlot[size];
    for (int i = 0; i < size; i++) {
      slots[i] = new TxSlot(i);
    }
  }

  /** Whether the block is done (every transaction executed and validated) or has failed. */
  boolean done() {
    return done;
  }

  /** The first failure reported by {@link #fail}, if any. */
  Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /**
   * Stops the block because of {@code cause} (a bug or an interrupt, not a transaction's
   * exception): every worker leaves its loop at its next check.
   */
  void fail(Throwable cause) {
    failure.compareAndSet(null, cause);
    done = true;
    wakeIdleWorkers();
  }

  /**
   * Stops the block without a result, because the executor will run it another way ({@link
   * ContentionFallback}): every worker leaves its loop at its next check.
   */
  void abandon() {
    abandoned = true;
    done = true;
    wakeIdleWorkers();
  }

  /** Whether {@link #abandon} was called. */
  boolean abandoned() {
    return abandoned;
  }

  /** Suspensions so far: incarnations that met an ESTIMATE and waited for its writer. */
  long suspensions() {
    return suspensions.sum();
  }

  /** Validation aborts so far: executed incarnations whose reads had changed. */
  long validationAborts() {
    return validationAborts.sum();
  }

  /** The next task, validation first when its index is lower; empty when none is available now. */
  Optional<Task> nextTask() {
    if (validationIndex.get() < executionIndex.get()) {
      return nextValidation();
    }
    return nextExecution();
  }

  /**
   * Parks the calling worker while there is no task to take (both indices past the end) and the
   * block is not done, after checking whether it is done. Returns at once otherwise.
   */
  void awaitWork() throws InterruptedException {
    if (!idle()) {
      return;
    }
    // The caller may have just ended the last active task without passing through checkDone
    // (a failed try_incarnate); where the paper's loop would spin back into next_task, look here.
    checkDone();
    idleLock.lock();
    try {
      idleWorkers.incrementAndGet();
      try {
        while (idle()) {
          workOrDone.await();
        }
      } finally {
        idleWorkers.decrementAndGet();
      }
    } finally {
      idleLock.unlock();
    }
  }

  /**
   * Suspends {@code tx}'s running incarnation until {@code blockingTx} (lower) has executed again:
   * {@code tx} becomes ABORTING and is resumed with its next incarnation by {@link
   * #finishExecution} of {@code blockingTx}. Returns false, suspending nothing, when {@code
   * blockingTx} has already executed again (the caller re-runs the same incarnation).
   */
  boolean addDependency(int tx, int blockingTx) {
    TxSlot blocking = slots[blockingTx];
    synchronized (blocking) {
      if (blocking.status == Status.EXECUTED) {
        return false;
      }
      TxSlot waiting = slots[tx];
      synchronized (waiting) {
        requireStatus(tx, waiting, Status.EXECUTING);
        waiting.status = Status.ABORTING;
      }
      if (blocking.dependents.isEmpty()) {
        blocking.dependents = new ArrayList<>(2);
      }
      blocking.dependents.add(tx);
    }
    suspensions.increment();
    activeTasks.decrementAndGet();
    return true;
  }

  /**
   * Marks incarnation {@code incarnation} of {@code tx} executed, resumes the transactions that
   * waited for it, and says what comes next: if the validation index already passed {@code tx},
   * either a validation of this incarnation alone (it wrote only locations its predecessor wrote)
   * or, when it wrote a new location, a lowered validation index so every higher transaction is
   * validated again.
   */
  Optional<Task> finishExecution(int tx, int incarnation, boolean wroteNewLocation) {
    TxSlot slot = slots[tx];
    List<Integer> resumed;
    Optional<Task> validation;
    synchronized (slot) {
      requireStatus(tx, slot, Status.EXECUTING);
      requireIncarnation(tx, slot, incarnation);
      slot.status = Status.EXECUTED;
      resumed = slot.dependents;
      slot.dependents = List.of();
      validation = slot.validation();
    }
    resumeDependencies(resumed);
    if (validationIndex.get() > tx) {
      if (!wroteNewLocation) {
        return validation;
      }
      decreaseValidationIndex(tx);
    }
    activeTasks.decrementAndGet();
    return Optional.empty();
  }

  /**
   * Claims the abort of incarnation {@code incarnation} of {@code tx} after a failed validation;
   * false when another validator already aborted it (or a newer incarnation exists).
   */
  boolean tryValidationAbort(int tx, int incarnation) {
    TxSlot slot = slots[tx];
    synchronized (slot) {
      if (slot.incarnation == incarnation && slot.status == Status.EXECUTED) {
        slot.status = Status.ABORTING;
        validationAborts.increment();
        return true;
      }
      return false;
    }
  }

  /**
   * Ends a validation of {@code tx}. After an abort, makes its next incarnation ready, has every
   * higher transaction validated again, and returns the re-execution of {@code tx} itself when the
   * execution index has already passed it.
   */
  Optional<Task> finishValidation(int tx, boolean aborted) {
    if (aborted) {
      setReadyStatus(tx);
      decreaseValidationIndex(tx + 1);
      if (executionIndex.get() > tx) {
        Optional<Task> next = tryIncarnate(tx);
        if (next.isPresent()) {
          return next;
        }
      }
    }
    activeTasks.decrementAndGet();
    return Optional.empty();
  }

  private Optional<Task> nextExecution() {
    if (executionIndex.get() >= size) {
      checkDone();
      return Optional.empty();
    }
    activeTasks.incrementAndGet();
    Optional<Task> execution = tryIncarnate(executionIndex.getAndIncrement());
    if (execution.isEmpty()) {
      activeTasks.decrementAndGet();
    }
    return execution;
  }

  private Optional<Task> nextValidation() {
    if (validationIndex.get() >= size) {
      checkDone();
      return Optional.empty();
    }
    activeTasks.incrementAndGet();
    int tx = validationIndex.getAndIncrement();
    if (tx < size) {
      TxSlot slot = slots[tx];
      synchronized (slot) {
        if (slot.status == Status.EXECUTED) {
          return slot.validation();
        }
      }
    }
    activeTasks.decrementAndGet();
    return Optional.empty();
  }

  /** Starts {@code tx}'s ready incarnation; empty if it is not ready (or past the end). */
  private Optional<Task> tryIncarnate(int tx) {
    if (tx < size) {
      TxSlot slot = slots[tx];
      synchronized (slot) {
        if (slot.status == Status.READY_TO_EXECUTE) {
          slot.status = Status.EXECUTING;
          return slot.execution();
        }
      }
    }
    return Optional.empty();
  }

  private void setReadyStatus(int tx) {
    TxSlot slot = slots[tx];
    synchronized (slot) {
      requireStatus(tx, slot, Status.ABORTING);
      slot.nextIncarnation();
      slot.status = Status.READY_TO_EXECUTE;
    }
  }

  private void resumeDependencies(List<Integer> dependents) {
    if (dependents.isEmpty()) {
      return;
    }
    int lowest = Integer.MAX_VALUE;
    for (int dependent : dependents) {
      setReadyStatus(dependent);
      lowest = Math.min(lowest, dependent);
    }
    decreaseExecutionIndex(lowest);
  }

  private void decreaseExecutionIndex(int target) {
    executionIndex.accumulateAndGet(target, Math::min);
    decreaseCount.incrementAndGet();
    wakeIdleWorkers();
  }

  private void decreaseValidationIndex(int target) {
    validationIndex.accumulateAndGet(target, Math::min);
    decreaseCount.incrementAndGet();
    wakeIdleWorkers();
  }

  /**
   * Done when both indices are past the end, no task is active, and no index was decreased while
   * this looked (the paper's check_done; the reads are sequentially consistent).
   */
  private void checkDone() {
    long observed = decreaseCount.get();
    if (Math.min(executionIndex.get(), validationIndex.get()) >= size
        && activeTasks.get() == 0
        && observed == decreaseCount.get()) {
      done = true;
      wakeIdleWorkers();
    }
  }

  private boolean idle() {
    return !done && executionIndex.get() >= size && validationIndex.get() >= size;
  }

  /**
   * Wakes parked workers after an index decrease or the end. A worker counts itself idle before it
   * re-checks {@link #idle()} under the lock, and this reads the count after the change, so no
   * wake-up is lost.
   */
  private void wakeIdleWorkers() {
    if (idleWorkers.get() > 0) {
      idleLock.lock();
      try {
        workOrDone.signalAll();
      } finally {
        idleLock.unlock();
      }
    }
  }

  private static void requireStatus(int tx, TxSlot slot, Status expected) {
    if (slot.status != expected) {
      throw new IllegalStateException(
          "transaction " + tx + " is " + slot.status + ", expected " + expected);
    }
  }

  private static void requireIncarnation(int tx, TxSlot slot, int incarnation) {
    if (slot.incarnation != incarnation) {
      throw new IllegalStateException(
          "transaction " + tx + " is at incarnation " + slot.incarnation + ", not " + incarnation);
    }
  }

  /** The status of {@code tx} now (for tests and diagnostics). */
  Status status(int tx) {
    TxSlot slot = slots[tx];
    synchronized (slot) {
      return slot.status;
    }
  }

  /** The current incarnation of {@code tx} (for tests and diagnostics). */
  int incarnation(int tx) {
    TxSlot slot = slots[tx];
    synchronized (slot) {
      return slot.incarnation;
    }
  }

  /** The execution index now (for tests and diagnostics). */
  int executionIndex() {
    return executionIndex.get();
  }

  /** The validation index now (for tests and diagnostics). */
  int validationIndex() {
    return validationIndex.get();
  }
}
