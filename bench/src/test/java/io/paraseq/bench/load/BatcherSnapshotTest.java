package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatcherSnapshotTest {

  /** A whole /actuator/prometheus of a node with its batcher, saved after a --batcher run. */
  private static String nodeWithBatcher() throws IOException {
    try (InputStream in = BatcherSnapshotTest.class.getResourceAsStream("node-with-batcher.prom")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsTheBatcherMetersOfARealNode() throws IOException {
    BatcherSnapshot snapshot = BatcherSnapshot.of(PrometheusSamples.parse(nodeWithBatcher()));
    assertThat(snapshot)
        .isEqualTo(
            new BatcherSnapshot(
                0, 0, 21, false, 5, 5, 524_032, 6_100, 21_026_670, 0.02102669197880737));
  }

  @Test
  void aNodeWithoutABatcherIsNamed() throws IOException {
    String withoutLag = nodeWithBatcher().replaceAll("(?m)^paraseq_batcher_lag_blocks .*$", "");
    assertThatThrownBy(() -> BatcherSnapshot.of(PrometheusSamples.parse(withoutLag)))
        .isInstanceOf(BatcherSnapshot.MissingException.class)
        .hasMessageContaining("paraseq_batcher_lag_blocks")
        .hasMessageContaining("runs no batcher");
    String withoutBuilt =
        nodeWithBatcher().replace("paraseq_batcher_batches_total{status=\"built\"}", "x");
    assertThatThrownBy(() -> BatcherSnapshot.of(PrometheusSamples.parse(withoutBuilt)))
        .isInstanceOf(BatcherSnapshot.MissingException.class)
        .hasMessageContaining("paraseq_batcher_batches_total{status=built}");
  }
}
