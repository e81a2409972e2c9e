package io.paraseq.bench.exec;

import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.StateSnapshot;
import io.paraseq.protocol.tx.VerifiedTransaction;
import java.util.List;
import java.util.Objects;

/**
 * One cell's block and the state it runs on. Immutable.
 *
 * @param workload what the transactions do
 * @param accounts the accounts that send and receive
 * @param pools AMM pairs the swaps go through (0 for the other workloads)
 * @param context the block's context
 * @param alloc the genesis the state was built from (to rebuild it for the state-root timing)
 * @param transactions the pre-signed transactions, in block order
 * @param state the state before the block: the genesis {@code WorldState}'s snapshot, as the node
 *     hands it to the executor
 */
record BenchBlock(
    ExecWorkload workload,
    int accounts,
    int pools,
    BlockContext context,
    GenesisAlloc alloc,
    List<VerifiedTransaction> transactions,
    StateSnapshot state) {

  /** Copies the transactions and requires every component. */
  BenchBlock {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(alloc, "alloc");
    Objects.requireNonNull(state, "state");
    transactions = List.copyOf(transactions);
  }

  /** The grid cell this block measures. */
  Cell cell() {
    return new Cell(workload, accounts, pools, transactions.size());
  }

  @Override
  public String toString() {
    return cell().toString();
  }
}
