package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusSamplesTest {

  private static final String TEXT =
      """
      # HELP paraseq_batcher_batches_total Batches that entered the status
      # TYPE paraseq_batcher_batches_total counter
      paraseq_batcher_batches_total{status="built"} 5.0
      paraseq_batcher_batches_total{status="confirmed"} 4.0

      paraseq_l1tx_gas_used_gas_total 2.102667E7
      http_requests{uri="/a \\"b\\"",method="GET",} 3 1700000000000
      weird{a="x\\\\y\\nz"} NaN
      up +Inf
      """;

  @Test
  void readsNamesLabelsAndValues() {
    PrometheusSamples samples = PrometheusSamples.parse(TEXT);
    assertThat(samples.samples()).hasSize(6);
    assertThat(samples.value("paraseq_batcher_batches_total", Map.of("status", "confirmed")))
        .hasValue(4.0);
    assertThat(samples.value("paraseq_batcher_batches_total")).hasValue(5.0);
    assertThat(samples.value("paraseq_l1tx_gas_used_gas_total")).hasValue(21_026_670.0);
    assertThat(samples.value("http_requests", Map.of("uri", "/a \"b\"", "method", "GET")))
        .hasValue(3.0);
    assertThat(samples.samples().get(4).labels()).isEqualTo(Map.of("a", "x\\y\nz"));
    assertThat(samples.value("weird").getAsDouble()).isNaN();
    assertThat(samples.value("up")).hasValue(Double.POSITIVE_INFINITY);
  }

  @Test
  void absentNamesAndLabelsAreEmpty() {
    PrometheusSamples samples = PrometheusSamples.parse(TEXT);
    assertThat(samples.value("paraseq_batcher_lag_blocks")).isEmpty();
    assertThat(samples.value("paraseq_batcher_batches_total", Map.of("status", "reverted")))
        .isEmpty();
    assertThat(PrometheusSamples.parse("").samples()).isEmpty();
  }

  @Test
  void refusesLinesThatAreNotSamples() {
    assertThatThrownBy(() -> PrometheusSamples.parse("up"))
        .isInstanceOf(PrometheusSamples.MalformedException.class)
        .hasMessageContaining("no single value");
    assertThatThrownBy(() -> PrometheusSamples.parse("up{a=\"b} 1"))
        .isInstanceOf(PrometheusSamples.MalformedException.class)
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> PrometheusSamples.parse("up{a} 1"))
        .isInstanceOf(PrometheusSamples.MalformedException.class)
        .hasMessageContaining("without");
    assertThatThrownBy(() -> PrometheusSamples.parse("up one"))
        .isInstanceOf(PrometheusSamples.MalformedException.class)
        .hasMessageContaining("not a number: one");
  }
}
