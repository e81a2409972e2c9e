package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LaneQueueTest {

  @Test
  void batchesFollowTheLaneOrder() {
    LaneQueue queue = new LaneQueue(new int[] {1, 4, 6, 9, 12});
    assertThat(queue.next(2, Integer.MAX_VALUE)).containsExactly(1, 4);
    assertThat(queue.next(2, Integer.MAX_VALUE)).containsExactly(6, 9);
    assertThat(queue.next(2, Integer.MAX_VALUE)).containsExactly(12);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.next(2, Integer.MAX_VALUE)).isEmpty();
    assertThat(queue.nextFresh()).isEqualTo(-1);
  }

  @Test
  void retriesGoFirstInIndexOrder() {
    LaneQueue queue = new LaneQueue(new int[] {0, 1, 2, 3, 4, 5});
    int[] first = queue.next(4, Integer.MAX_VALUE);
    queue.retry(new int[] {3, 1});
    assertThat(queue.isEmpty()).isFalse();
    assertThat(queue.next(3, Integer.MAX_VALUE)).containsExactly(1, 3, 4);
    assertThat(queue.next(3, Integer.MAX_VALUE)).containsExactly(5);
    assertThat(first).containsExactly(0, 1, 2, 3);
  }

  @Test
  void onlyDueTransactionsAreTakenButRetriesAlwaysAre() {
    LaneQueue queue = new LaneQueue(new int[] {0, 3, 6, 9});
    assertThat(queue.next(10, 4)).containsExactly(0, 3);
    assertThat(queue.next(10, 4)).isEmpty();
    assertThat(queue.nextFresh()).isEqualTo(6);
    queue.retry(new int[] {3});
    assertThat(queue.next(10, 4)).containsExactly(3);
    assertThat(queue.next(10, 10)).containsExactly(6, 9);
  }

  @Test
  void drainEmptiesTheQueueAscending() {
    LaneQueue queue = new LaneQueue(new int[] {2, 5, 8, 11});
    queue.next(2, Integer.MAX_VALUE);
    queue.retry(new int[] {5});
    assertThat(queue.drain()).containsExactly(5, 8, 11);
    assertThat(queue.isEmpty()).isTrue();
  }

  /**
   * Random refusals over a planned lane: whatever is put back, every sender's nonces go out in
   * increasing order except that a retried nonce may follow higher nonces already accepted — and
   * then no nonce of that sender is ever sent twice after acceptance, and all are eventually sent.
   */
  @Test
  void retriesKeepEachSendersNonceOrderAmongItsUnacceptedTransactions() {
    NoncePlan plan = NoncePlan.of(600, new long[12], 3);
    SplittableRandom random = new SplittableRandom(42);
    for (int lane = 0; lane < plan.lanes(); lane++) {
      LaneQueue queue = new LaneQueue(plan.laneOrder(lane));
      Map<Integer, Long> lowestUnaccepted = new HashMap<>();
      Map<Integer, TreeSet<Long>> outstanding = new HashMap<>();
      for (int index : plan.laneOrder(lane)) {
        outstanding
            .computeIfAbsent(plan.sender(index), s -> new TreeSet<>())
            .add(plan.nonce(index));
      }
      int accepted = 0;
      while (!queue.isEmpty()) {
        int[] batch = queue.next(1 + random.nextInt(20), Integer.MAX_VALUE);
        Map<Integer, Long> lastInBatch = new HashMap<>();
        int refused = 0;
        int[] retry = new int[batch.length];
        for (int index : batch) {
          int sender = plan.sender(index);
          long nonce = plan.nonce(index);
          // Within a batch a sender's nonces rise.
          Long previous = lastInBatch.put(sender, nonce);
          assertThat(previous == null || previous < nonce).isTrue();
          // The first nonce a sender sends in a batch is its lowest not yet accepted one.
          if (previous == null) {
            lowestUnaccepted.put(sender, outstanding.get(sender).first());
            assertThat(nonce).isEqualTo(lowestUnaccepted.get(sender));
          }
          if (random.nextInt(4) == 0) {
            retry[refused++] = index;
          } else {
            outstanding.get(sender).remove(nonce);
            accepted++;
          }
        }
        queue.retry(Arrays.copyOf(retry, refused));
      }
      assertThat(accepted).isEqualTo(plan.laneOrder(lane).length);
      outstanding.values().forEach(nonces -> assertThat(nonces).isEmpty());
    }
  }

  @Test
  void requiresAnAscendingOrder() {
    assertThatThrownBy(() -> new LaneQueue(new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LaneQueue(new int[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LaneQueue(new int[] {1}).next(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
