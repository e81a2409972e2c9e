package io.paraseq.batcher.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background loop of a batcher component: one daemon thread running a task every interval
 * (fixed delay, the first run at once). The task logs its own failures; {@link #stop} ends it.
 */
public final class PollingLoop {

  private PollingLoop() {}

  /** Starts {@code task} on a daemon thread named {@code threadName}, every {@code interval}. */
  public static ScheduledExecutorService start(
      String threadName, Duration interval, Runnable task) {
    ScheduledExecutorService loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    loop.scheduleWithFixedDelay(task, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return loop;
  }

  /**
   * Stops {@code loop}: no new run starts, a running one may finish within 30 s, then the thread is
   * interrupted.
   */
  public static void stop(ScheduledExecutorService loop) {
    loop.shutdown();
    try {
      if (!loop.awaitTermination(30, TimeUnit.SECONDS)) {
        loop.shutdownNow();
      }
    } catch (InterruptedException e) {
      loop.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
