package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoncePlanTest {

  @Test
  void spreadsTransactionsRoundRobinOverSendersInNonceOrder() {
    NoncePlan plan = NoncePlan.of(7, new long[] {0, 5, 9}, 2);
    assertThat(IntStream.range(0, 7).map(plan::sender).toArray())
        .containsExactly(0, 1, 2, 0, 1, 2, 0);
    assertThat(IntStream.range(0, 7).mapToLong(plan::nonce).toArray())
        .containsExactly(0, 5, 9, 1, 6, 10, 2);
    assertThat(plan.maxPerSender()).isEqualTo(3);
  }

  @Test
  void eachSendersNoncesAreConsecutiveFromItsStartInIndexOrder() {
    long[] start = {3, 0, 100, 7, 1};
    NoncePlan plan = NoncePlan.of(103, start, 3);
    Map<Integer, List<Long>> bySender = new HashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      bySender.computeIfAbsent(plan.sender(i), s -> new ArrayList<>()).add(plan.nonce(i));
    }
    assertThat(bySender).hasSize(5);
    bySender.forEach(
        (sender, nonces) -> {
          for (int k = 0; k < nonces.size(); k++) {
            assertThat(nonces.get(k)).isEqualTo(start[sender] + k);
          }
        });
    assertThat(bySender.get(0)).hasSize(21);
    assertThat(bySender.get(4)).hasSize(20);
  }

  @Test
  void aSenderAlwaysUsesOneLane() {
    NoncePlan plan = NoncePlan.of(1000, new long[10], 4);
    for (int i = 0; i < plan.size(); i++) {
      assertThat(plan.lane(i)).isEqualTo(plan.sender(i) % 4);
    }
  }

  @Test
  void laneOrdersPartitionTheWorkloadAscending() {
    NoncePlan plan = NoncePlan.of(997, new long[13], 5);
    List<Integer> all = new ArrayList<>();
    for (int lane = 0; lane < plan.lanes(); lane++) {
      int[] order = plan.laneOrder(lane);
      for (int k = 0; k < order.length; k++) {
        assertThat(plan.lane(order[k])).isEqualTo(lane);
        if (k > 0) {
          assertThat(order[k]).isGreaterThan(order[k - 1]);
        }
        all.add(order[k]);
      }
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 997).boxed().toList());
  }

  @Test
  void neverMoreLanesThanSenders() {
    NoncePlan plan = NoncePlan.of(50, new long[3], 8);
    assertThat(plan.lanes()).isEqualTo(3);
    assertThat(plan.laneOrder(2)).isNotEmpty();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> NoncePlan.of(1, new long[0], 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoncePlan.of(1, new long[] {-1}, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoncePlan.of(1, new long[1], 0))
        .isInstanceOf(IllegalArgumentException.class);
    NoncePlan plan = NoncePlan.of(2, new long[1], 1);
    assertThatThrownBy(() -> plan.nonce(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void copiesTheStartNonces() {
    long[] start = {4};
    NoncePlan plan = NoncePlan.of(1, start, 1);
    start[0] = 9;
    assertThat(plan.nonce(0)).isEqualTo(4);
  }
}
