package io.paraseq.bench.exec;

import java.lang.management.ManagementFactory;

/**
 * Heap bytes allocated by every thread of the JVM so far ({@code
 * com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}: live platform threads plus those
 * that have ended). Read before and after an {@code execute} call, the difference is what the call
 * allocated on the calling thread and the Block-STM workers together (plus whatever the JVM's few
 * other Java threads allocated meanwhile, which is nothing measurable while the benchmark runs).
 */
final class AllocationMeter {

  private final com.sun.management.ThreadMXBean threads;

  /**
   * A meter over the platform's thread bean.
   *
   * @throws IllegalStateException if this JVM cannot measure thread allocation
   */
  AllocationMeter() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
        || !bean.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM does not measure thread allocation");
    }
    bean.setThreadAllocatedMemoryEnabled(true);
    this.threads = bean;
  }

  /** Bytes allocated by all threads so far; only differences mean anything. */
  long allocatedBytes() {
    return threads.getTotalThreadAllocatedBytes();
  }
}
