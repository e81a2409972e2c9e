package io.paraseq.bench.load;

/**
 * When the lanes may send each transaction: as fast as the target accepts them ({@link
 * ClosedLoop}), or at a fixed offered rate ({@link OpenLoop}). One small policy, one class each.
 */
sealed interface Schedule permits Schedule.ClosedLoop, Schedule.OpenLoop {

  /**
   * The transactions due {@code elapsedNanos} after the start: every index below the result may be
   * sent.
   */
  int dueBelow(long elapsedNanos);

  /** When transaction {@code index} is due, in nanoseconds after the start. */
  long dueAt(int index);

  /**
   * Where the inclusion latency of transaction {@code index} is measured from: when paced, its due
   * time, so that a generator or target falling behind the schedule shows in the latency instead of
   * hiding it (coordinated omission); unpaced, the time its request was sent.
   */
  long latencyOrigin(int index, long startNanos, long sentNanos);

  /** A short description for the report. */
  String describe();

  /** Closed loop: each lane sends its next batch as soon as the previous one is answered. */
  record ClosedLoop() implements Schedule {

    @Override
    public int dueBelow(long elapsedNanos) {
      return Integer.MAX_VALUE;
    }

    @Override
    public long dueAt(int index) {
      return 0;
    }

    @Override
    public long latencyOrigin(int index, long startNanos, long sentNanos) {
      return sentNanos;
    }

    @Override
    public String describe() {
      return "closed loop";
    }
  }

  /**
   * Open loop: transaction {@code i} is due {@code i / rate} seconds after the start, whatever the
   * target does.
   *
   * @param rate offered transactions per second, positive
   */
  record OpenLoop(double rate) implements Schedule {

    private static final double NANOS_PER_SECOND = 1e9;

    /** Requires a positive, finite rate. */
    public OpenLoop {
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("rate must be a positive number: " + rate);
      }
    }

    @Override
    public int dueBelow(long elapsedNanos) {
      if (elapsedNanos < 0) {
        return 0;
      }
      double due = Math.floor(elapsedNanos * rate / NANOS_PER_SECOND) + 1;
      return due >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) due;
    }

    @Override
    public long dueAt(int index) {
      return (long) Math.ceil(index * NANOS_PER_SECOND / rate);
    }

    @Override
    public long latencyOrigin(int index, long startNanos, long sentNanos) {
      return startNanos + dueAt(index);
    }

    @Override
    public String describe() {
      return String.format("open loop at %,.0f tx/s", rate);
    }
  }
}
