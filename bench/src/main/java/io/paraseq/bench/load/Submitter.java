package io.paraseq.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a {@link Workload} over one thread per lane, each lane with its own {@link LaneQueue}: one
 * JSON-RPC batch at a time, the next only after the previous one is answered, so a sender's
 * transactions (all on one lane) arrive in nonce order.
 *
 * <p>Back-pressure refusals ({@link Refusal#backPressure()}) are put back and sent again after a
 * back-off that starts at {@value #BACKOFF_START_MS} ms and doubles up to {@value #BACKOFF_MAX_MS}
 * ms while refusals continue; a lane that gets nothing accepted for {@code giveUpAfter} gives up
 * its remaining transactions (counted as rejected, "gave up: …"). Any other failure (I/O, a
 * malformed reply) stops all lanes and is rethrown by {@link #run}.
 *
 * <p>Threads: each lane thread owns its queue, its counters and the {@link TxTimes} entries of its
 * transactions; {@link #accepted()} is the only value read while lanes run.
 */
final class Submitter {

  static final long BACKOFF_START_MS = 5;
  static final long BACKOFF_MAX_MS = 200;

  private final RpcClient rpc;
  private final Workload workload;
  private final Schedule schedule;
  private final int batchSize;
  private final Duration giveUpAfter;
  private final TxTimes times;
  private final LongAdder accepted = new LongAdder();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  /**
   * A submitter of {@code workload} to {@code rpc}.
   *
   * @param batchSize most calls per HTTP request
   * @param giveUpAfter how long a lane may see only back-pressure refusals before it gives up
   * @param times where acknowledgements are recorded
   */
  Submitter(
      RpcClient rpc,
      Workload workload,
      Schedule schedule,
      int batchSize,
      Duration giveUpAfter,
      TxTimes times) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    }
    if (times.size() != workload.size()) {
      throw new IllegalArgumentException("times for " + times.size() + " of " + workload.size());
    }
    this.rpc = rpc;
    this.workload = workload;
    this.schedule = schedule;
    this.batchSize = batchSize;
    this.giveUpAfter = giveUpAfter;
    this.times = times;
  }

  /** Transactions acknowledged so far (for progress lines). */
  long accepted() {
    return accepted.sum();
  }

  /**
   * Sends everything, starting the schedule at {@code startNanos}, and returns when every lane is
   * done.
   *
   * @throws RpcException if a lane failed
   */
  SubmitStats run(long startNanos) {
    NoncePlan plan = workload.plan();
    List<Lane> lanes = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int l = 0; l < plan.lanes(); l++) {
      Lane lane = new Lane(new LaneQueue(plan.laneOrder(l)), startNanos);
      lanes.add(lane);
      threads.add(Thread.ofPlatform().name("load-lane-" + l).start(lane::runGuarded));
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.compareAndSet(null, new RpcException("interrupted while submitting", e));
        threads.forEach(Thread::interrupt);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    SubmitStats total = SubmitStats.empty();
    for (Lane lane : lanes) {
      total = total.plus(lane.stats());
    }
    return total;
  }

  /** One lane: its queue and its counters, owned by its thread. */
  private final class Lane {
    private final LaneQueue queue;
    private final long startNanos;
    private long requests;
    private long calls;
    private long submitted;
    private long laneAccepted;
    private final TreeMap<String, Long> rejected = new TreeMap<>();
    private final TreeMap<String, Long> retried = new TreeMap<>();

    Lane(LaneQueue queue, long startNanos) {
      this.queue = queue;
      this.startNanos = startNanos;
    }

    void runGuarded() {
      try {
        run();
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    }

    private void run() {
      long backoffMs = BACKOFF_START_MS;
      long lastProgress = System.nanoTime();
      while (!queue.isEmpty() && failure.get() == null) {
        long now = System.nanoTime();
        int[] batch = queue.next(batchSize, schedule.dueBelow(now - startNanos));
        if (batch.length == 0) {
          LockSupport.parkNanos(startNanos + schedule.dueAt(queue.nextFresh()) - now);
          continue;
        }
        int[] refused;
        try {
          refused = send(batch);
        } catch (RpcTimeoutException e) {
          stalled(batch, e);
          return;
        }
        if (refused.length == 0) {
          backoffMs = BACKOFF_START_MS;
          lastProgress = System.nanoTime();
          continue;
        }
        queue.retry(refused);
        if (refused.length < batch.length) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > giveUpAfter.toNanos()) {
          giveUp();
          return;
        }
        sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
      }
    }

    /** Sends one batch; returns the transactions refused by back-pressure. */
    private int[] send(int[] batch) {
      StringBuilder body = new StringBuilder(batch.length * 280).append('[');
      for (int i = 0; i < batch.length; i++) {
        if (i > 0) {
          body.append(',');
        }
        body.append(workload.call(batch[i]));
      }
      body.append(']');
      long sent = System.nanoTime();
      for (int index : batch) {
        if (times.firstSent(index) == TxTimes.UNSET) {
          submitted++;
          times.sent(index, sent);
        }
      }
      requests++;
      calls += batch.length;
      List<RpcReply> replies = rpc.batch(body.toString());
      long acked = System.nanoTime();
      int[] sorted = batch.clone();
      Arrays.sort(sorted);
      boolean[] answered = new boolean[batch.length];
      int[] refused = new int[batch.length];
      int nRefused = 0;
      for (RpcReply reply : replies) {
        int position = reply.id() < 0 ? -1 : Arrays.binarySearch(sorted, (int) reply.id());
        if (position < 0 || answered[position]) {
          throw new RpcException("reply with an unexpected or repeated id " + reply.id());
        }
        answered[position] = true;
        int index = sorted[position];
        switch (reply) {
          case RpcReply.Ok ok -> accept(index, ok, sent, acked);
          case RpcReply.Err err -> {
            Refusal refusal = Refusal.of(err.code(), err.message());
            if (refusal.backPressure()) {
              refused[nRefused++] = index;
              retried.merge(refusal.reason(), 1L, Long::sum);
            } else {
              rejected.merge(refusal.reason(), 1L, Long::sum);
            }
          }
        }
      }
      if (replies.size() != batch.length) {
        throw new RpcException(replies.size() + " replies to a batch of " + batch.length);
      }
      return Arrays.copyOf(refused, nRefused);
    }

    private void accept(int index, RpcReply.Ok ok, long sent, long acked) {
      String expected = workload.hash(index).bytes().toHex();
      if (!expected.equals(ok.result().asText("").toLowerCase(Locale.ROOT))) {
        rejected.merge("acknowledged with a wrong hash", 1L, Long::sum);
        return;
      }
      times.acked(index, schedule.latencyOrigin(index, startNanos, times.firstSent(index)), acked);
      laneAccepted++;
      accepted.increment();
    }

    private void stalled(int[] batch, RpcTimeoutException e) {
      rejected.merge(
          "no reply within " + e.timeout().toSeconds() + " s", (long) batch.length, Long::sum);
      int[] rest = queue.drain();
      if (rest.length > 0) {
        rejected.merge("not sent: the target stopped answering", (long) rest.length, Long::sum);
      }
    }

    private void giveUp() {
      int[] rest = queue.drain();
      String reason = "gave up after " + giveUpAfter.toSeconds() + " s of back-pressure";
      rejected.merge(reason, (long) rest.length, Long::sum);
    }

    SubmitStats stats() {
      return new SubmitStats(requests, calls, submitted, laneAccepted, rejected, retried);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted during back-off", e);
    }
  }
}
