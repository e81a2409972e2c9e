package io.paraseq.bench.exec;

import java.util.Objects;

/**
 * One cell of the grid: a workload, an account count and a block size. Immutable.
 *
 * @param workload what the transactions do
 * @param accounts the accounts that send and receive
 * @param pools AMM pairs the swaps go through (0 for the other workloads)
 * @param txs transactions in the block
 */
record Cell(ExecWorkload workload, int accounts, int pools, int txs) {

  /** Requires the workload. */
  Cell {
    Objects.requireNonNull(workload, "workload");
  }

  @Override
  public String toString() {
    return workload.label() + " accounts=" + accounts + " pools=" + pools + " txs=" + txs;
  }
}
