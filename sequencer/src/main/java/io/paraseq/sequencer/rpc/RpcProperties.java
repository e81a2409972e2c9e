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
 * @param maxLogsBlockRange most blocks one {@code eth_getLogs} range may span ({@code
 *     PARASEQ_RPC_MAX_LOGS_BLOCK_RANGE}, default 100000, about seven hours of 250 ms blocks); 1 …
 *     100000000. A query by block hash spans one block
 * @param maxLogsResults most logs one {@code eth_getLogs} call returns ({@code
 *     PARASEQ_RPC_MAX_LOGS_RESULTS}, default 10000); more is refused with {@code -32005 query
 *     returned more than 10000 results}; 1 … 1000000
 */
@ConfigurationProperties("paraseq.rpc")
@Validated
record RpcProperties(
    @DefaultValue("5MB") @NotNull DataSize maxRequestSize,
    @DefaultValue("1000") @Min(1) @Max(100_000) int maxBatchSize,
    @DefaultValue("100000") @Min(1) @Max(100_000_000) long maxLogsBlockRange,
    @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxLogsResults) {

  /** Default of {@link #maxLogsBlockRange}. */
  static final long DEFAULT_MAX_LOGS_BLOCK_RANGE = 100_000;

  /** Default of {@link #maxLogsResults}. */
  static final int DEFAULT_MAX_LOGS_RESULTS = 10_000;

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
