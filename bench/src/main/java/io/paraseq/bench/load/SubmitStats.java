package io.paraseq.bench.load;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The counts of one submission phase, merged over its lanes.
 *
 * @param requests HTTP requests (batches) sent
 * @param calls {@code eth_sendRawTransaction} calls sent, retries included
 * @param submitted distinct transactions sent at least once
 * @param accepted transactions acknowledged with their hash
 * @param rejected transactions finally refused, by reason
 * @param retried back-pressure refusals that were sent again, by reason
 */
record SubmitStats(
    long requests,
    long calls,
    long submitted,
    long accepted,
    SortedMap<String, Long> rejected,
    SortedMap<String, Long> retried) {

  SubmitStats {
    rejected = Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
    retried = Collections.unmodifiableSortedMap(new TreeMap<>(retried));
  }

  /** Nothing counted yet. */
  static SubmitStats empty() {
    return new SubmitStats(0, 0, 0, 0, new TreeMap<>(), new TreeMap<>());
  }

  /** All final refusals. */
  long rejectedTotal() {
    return total(rejected);
  }

  /** All back-pressure refusals. */
  long retriedTotal() {
    return total(retried);
  }

  /** The sum of this and {@code other}. */
  SubmitStats plus(SubmitStats other) {
    Objects.requireNonNull(other, "other");
    return new SubmitStats(
        requests + other.requests,
        calls + other.calls,
        submitted + other.submitted,
        accepted + other.accepted,
        merged(rejected, other.rejected),
        merged(retried, other.retried));
  }

  private static SortedMap<String, Long> merged(Map<String, Long> a, Map<String, Long> b) {
    SortedMap<String, Long> sum = new TreeMap<>(a);
    b.forEach((reason, count) -> sum.merge(reason, count, Long::sum));
    return sum;
  }

  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
