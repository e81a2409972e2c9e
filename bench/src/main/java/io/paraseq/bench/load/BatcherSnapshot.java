package io.paraseq.bench.load;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The node's batcher meters at one instant, as its {@code /actuator/prometheus} exposes them
 * (batcher/README.md "Metrics"; Prometheus names after Micrometer's naming convention).
 *
 * @param lagBlocks {@code paraseq_batcher_lag_blocks}: L2 blocks after the last block in an
 *     L1-included batch
 * @param lagSeconds {@code paraseq_batcher_lag_seconds}: age (whole seconds, by block timestamp) of
 *     the oldest L2 block not yet in an L1-included batch
 * @param confirmedBlock {@code paraseq_batcher_confirmed_block}: the last L2 block of the unbroken
 *     run of batches confirmed on L1
 * @param halted {@code paraseq_batcher_halted}: posting stopped
 * @param batchesBuilt batches that entered status {@code built}
 * @param batchesConfirmed batches that entered status {@code confirmed}
 * @param bytesPosted batch data (calldata payload) of confirmed batches
 * @param transactionsPosted L2 transactions in confirmed batches
 * @param l1GasUsed L1 gas of the batcher's confirmed L1 transactions
 * @param l1EthSpent ETH paid in fees by them
 */
record BatcherSnapshot(
    long lagBlocks,
    long lagSeconds,
    long confirmedBlock,
    boolean halted,
    long batchesBuilt,
    long batchesConfirmed,
    long bytesPosted,
    long transactionsPosted,
    long l1GasUsed,
    double l1EthSpent) {

  static final String LAG_BLOCKS = "paraseq_batcher_lag_blocks";
  static final String LAG_SECONDS = "paraseq_batcher_lag_seconds";
  static final String CONFIRMED_BLOCK = "paraseq_batcher_confirmed_block";
  static final String HALTED = "paraseq_batcher_halted";
  static final String BATCHES = "paraseq_batcher_batches_total";
  static final String BYTES_POSTED = "paraseq_batcher_bytes_posted_bytes_total";
  static final String TRANSACTIONS_POSTED = "paraseq_batcher_transactions_posted_total";
  static final String L1_GAS_USED = "paraseq_l1tx_gas_used_gas_total";
  static final String L1_ETH_SPENT = "paraseq_l1tx_eth_spent_eth_total";

  /** The node's metrics lack a batcher meter: it runs no batcher. */
  static final class MissingException extends RpcException {
    private static final long serialVersionUID = 1L;

    MissingException(String name) {
      super(
          "the node exposes no "
              + name
              + ": it runs no batcher (start it with ./paraseq bench load --batcher, or"
              + " PARASEQ_BATCHER_ENABLED=true with an L1 and a Rollup address)");
    }
  }

  /**
   * The batcher's meters in {@code samples}.
   *
   * @throws MissingException if one is absent
   */
  static BatcherSnapshot of(PrometheusSamples samples) {
    return new BatcherSnapshot(
        whole(samples, LAG_BLOCKS, Map.of()),
        whole(samples, LAG_SECONDS, Map.of()),
        whole(samples, CONFIRMED_BLOCK, Map.of()),
        whole(samples, HALTED, Map.of()) != 0,
        whole(samples, BATCHES, Map.of("status", "built")),
        whole(samples, BATCHES, Map.of("status", "confirmed")),
        whole(samples, BYTES_POSTED, Map.of()),
        whole(samples, TRANSACTIONS_POSTED, Map.of()),
        whole(samples, L1_GAS_USED, Map.of()),
        required(samples, L1_ETH_SPENT, Map.of()));
  }

  private static long whole(PrometheusSamples samples, String name, Map<String, String> labels) {
    return Math.round(required(samples, name, labels));
  }

  private static double required(
      PrometheusSamples samples, String name, Map<String, String> labels) {
    OptionalDouble value = samples.value(name, labels);
    if (value.isEmpty()) {
      throw new MissingException(labels.isEmpty() ? name : name + labels);
    }
    return value.getAsDouble();
  }
}
