package io.paraseq.sequencer.rpc;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the JSON-RPC server.
 *
 * @param maxRequestSize largest accepted request body ({@code PARASEQ_RPC_MAX_REQUEST_SIZE},
 *     default {@code 5MB} = 5 MiB, as geth); larger bodies are refused with HTTP 413 without being
 *     read; between 1KB and 128MB
 * @param maxBatchSize most calls in one batch ({@code PARASEQ_RPC_MAX_BATCH_SIZE}, default 1000, as
 *     geth); 1 … 100000
 */
@ConfigurationProperties("paraseq.rpc")
@Validated
record RpcProperties(
    @DefaultValue("5MB") @NotNull DataSize maxRequestSize,
    @DefaultValue("1000") @Min(1) @Max(100_000) int maxBatchSize) {

  private static final DataSize SMALLEST = DataSize.ofKilobytes(1);
  private static final DataSize LARGEST = DataSize.ofMegabytes(128);

  /** Checks what annotations cannot: the body limit's range. */
  RpcProperties {
    if (maxRequestSize != null
        && (maxRequestSize.compareTo(SMALLEST) < 0 || maxRequestSize.compareTo(LARGEST) > 0)) {
      throw new IllegalArgumentException(
          "paraseq.rpc.max-request-size must be between 1KB and 128MB, got " + maxRequestSize);
    }
  }

  /** The body limit in bytes. */
  int maxRequestBytes() {
    return Math.toIntExact(maxRequestSize.toBytes());
  }
}
