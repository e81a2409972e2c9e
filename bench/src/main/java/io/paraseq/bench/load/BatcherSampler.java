package io.paraseq.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reads the batcher's meters every {@code interval} on its own thread ({@code load-batcher}) and
 * keeps every reading with the {@link System#nanoTime} it was taken at. The thread owns the
 * reading; the list of samples is guarded by this object's monitor, so {@link #latest} and {@link
 * #samples} may be called from any thread.
 */
final class BatcherSampler {

  /**
   * One reading.
   *
   * @param nanos {@link System#nanoTime} when the reply arrived
   * @param snapshot the meters
   */
  record Sample(long nanos, BatcherSnapshot snapshot) {
    Sample {
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  private final Supplier<BatcherSnapshot> source;
  private final Duration interval;
  private final List<Sample> samples = new ArrayList<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private volatile boolean running;
  private Thread thread;

  /** A sampler of {@code source} every {@code interval}. */
  BatcherSampler(Supplier<BatcherSnapshot> source, Duration interval) {
    this.source = Objects.requireNonNull(source, "source");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /**
   * Takes a first reading on the caller's thread (so a node without a batcher fails here), then
   * starts the sampling thread.
   */
  void start() {
    add(source.get());
    running = true;
    thread = Thread.ofPlatform().name("load-batcher").daemon().start(this::runGuarded);
  }

  /**
   * The latest reading.
   *
   * @throws RpcException if sampling failed
   */
  Sample latest() {
    rethrow();
    synchronized (this) {
      return samples.getLast();
    }
  }

  /** Every reading so far, oldest first. */
  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /**
   * Stops sampling and returns every reading.
   *
   * @throws RpcException if sampling failed
   */
  List<Sample> stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RpcException("interrupted while stopping the batcher sampler", e);
      }
    }
    rethrow();
    return samples();
  }

  private void runGuarded() {
    try {
      while (running) {
        Thread.sleep(interval);
        add(source.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (running) {
        failure.set(e);
      }
    }
  }

  private synchronized void add(BatcherSnapshot snapshot) {
    samples.add(new Sample(System.nanoTime(), snapshot));
  }

  private void rethrow() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }
}
