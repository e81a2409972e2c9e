package io.paraseq.sequencer.chain;

import io.paraseq.protocol.state.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Work for the thread that owns the world state (the {@link BlockProducer}'s), handed over from any
 * thread: a bounded queue ({@value #CAPACITY} tasks; a full queue refuses at once) whose
 * submissions unpark the owner, which runs them between blocks. A task whose future is already done
 * (cancelled by a caller that gave up) is not run. Closed when the owner thread ends; from then on,
 * and for every task still waiting, futures fail with {@link StateOwnerStoppedException}.
 *
 * <p>Threads: {@link #submit} from any thread; {@link #runPending} on the owner only; {@link #open}
 * and {@link #close} by the owner's life cycle.
 */
final class StateTasks {

  /** Most tasks waiting for the owner; more are refused at once. */
  static final int CAPACITY = 64;

  private final BlockingQueue<Task<?>> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread owner;

  /** Why tasks are refused; null while the owner serves them. */
  private volatile String refusal = "the state owner thread has not started";

  StateTasks(Thread owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** Starts taking tasks (before the owner thread starts). */
  void open() {
    refusal = null;
  }

  /**
   * Queues {@code work} for the owner and wakes it. Never blocks: the future fails at once with
   * {@link RejectedExecutionException} when the queue is full, and with {@link
   * StateOwnerStoppedException} when the owner no longer serves.
   */
  <T> CompletableFuture<T> submit(Function<WorldState, T> work) {
    Task<T> task = new Task<>(work, new CompletableFuture<>());
    String refused = refusal;
    if (refused != null) {
      return CompletableFuture.failedFuture(new StateOwnerStoppedException(refused));
    }
    if (!queue.offer(task)) {
      return CompletableFuture.failedFuture(
          new RejectedExecutionException(
              CAPACITY + " state tasks are waiting for " + owner.getName()));
    }
    if (refusal != null) {
      failWaiting(); // closed between the check and the offer
    }
    LockSupport.unpark(owner);
    return task.future();
  }

  /** Whether no task is waiting. */
  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Runs the waiting tasks with {@code state}, at most one queue's worth. Owner thread only. */
  void runPending(WorldState state) {
    if (queue.isEmpty()) {
      return;
    }
    List<Task<?>> batch = new ArrayList<>(CAPACITY);
    queue.drainTo(batch, CAPACITY);
    batch.forEach(task -> task.run(state));
  }

  /** Stops taking tasks (keeping the first reason) and fails those waiting. */
  void close(String reason) {
    if (refusal == null) {
      refusal = reason;
    }
    failWaiting();
  }

  private void failWaiting() {
    for (Task<?> task = queue.poll(); task != null; task = queue.poll()) {
      task.future().completeExceptionally(new StateOwnerStoppedException(refusal));
    }
  }

  /**
   * One piece of work and the future it completes.
   *
   * @param work what to run with the world state
   * @param future completed with the result or the exception
   */
  private record Task<T>(Function<WorldState, T> work, CompletableFuture<T> future) {
    void run(WorldState state) {
      if (future.isDone()) {
        return; // cancelled: the caller gave up
      }
      try {
        future.complete(work.apply(state));
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    }
  }
}
