package io.paraseq.sequencer.ingress;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Transaction ingress.
 *
 * @param maxTransactionSize largest raw transaction accepted ({@code
 *     PARASEQ_INGRESS_MAX_TRANSACTION_SIZE}, default {@code 128KB} = 128 KiB, geth's limit); 1KB …
 *     4MB
 * @param workerThreads threads that decode, validate and recover senders ({@code
 *     PARASEQ_INGRESS_WORKER_THREADS}, default 0 = the number of available processors); 0 … 256
 * @param queueCapacity bound of each ingress queue (verification, pool writer) ({@code
 *     PARASEQ_INGRESS_QUEUE_CAPACITY}, default 10000); a full queue refuses with {@code -32005}
 * @param maxBatch most transactions the pool writer commits in one database transaction ({@code
 *     PARASEQ_INGRESS_MAX_BATCH}, default 512)
 */
@ConfigurationProperties("paraseq.ingress")
@Validated
public record IngressProperties(
    @DefaultValue("128KB") @NotNull DataSize maxTransactionSize,
    @DefaultValue("0") @Min(0) @Max(256) int workerThreads,
    @DefaultValue("10000") @Min(1) @Max(10_000_000) int queueCapacity,
    @DefaultValue("512") @Min(1) @Max(100_000) int maxBatch) {

  private static final DataSize SMALLEST = DataSize.ofKilobytes(1);
  private static final DataSize LARGEST = DataSize.ofMegabytes(4);

  /** Checks the size range. */
  public IngressProperties {
    if (maxTransactionSize != null
        && (maxTransactionSize.compareTo(SMALLEST) < 0
            || maxTransactionSize.compareTo(LARGEST) > 0)) {
      throw new IllegalArgumentException(
          "paraseq.ingress.max-transaction-size must be between 1KB and 4MB, got "
              + maxTransactionSize);
    }
  }

  /** The size limit in bytes. */
  public int maxTransactionBytes() {
    return Math.toIntExact(maxTransactionSize.toBytes());
  }

  /** The worker count, 0 resolved to the available processors. */
  int resolvedWorkerThreads() {
    return workerThreads == 0 ? Runtime.getRuntime().availableProcessors() : workerThreads;
  }
}
