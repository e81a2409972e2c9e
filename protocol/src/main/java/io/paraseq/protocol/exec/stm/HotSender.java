package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contention rule of {@link BlockStmExecutor}: a block in which one sender has at least a
 * {@code 1/threads} share of the transactions runs sequentially. Each of a sender's transactions
 * reads the nonce its predecessor wrote, so its transactions run one after another whatever the
 * number of workers: the block cannot take less than that chain's time, and Block-STM adds its
 * bookkeeping and the aborts of the workers that run ahead of the chain. With two workers, a sender
 * holding half the block leaves nothing to gain (blocks from two accounts, the worst case of the
 * issue-6 grid, measured 0.3–0.6× sequential before this rule).
 *
 * <p>Looks only at senders: contention inside programs (one hot AMM pool) is not visible before
 * execution and stays Block-STM's to handle. Stateless.
 */
final class HotSender {

  private HotSender() {}

  /** Whether one sender has at least {@code ordered.size() / threads} of the transactions. */
  static boolean dominates(List<VerifiedTransaction> ordered, int threads) {
    int share = (ordered.size() + threads - 1) / threads;
    Map<Address, int[]> counts = new HashMap<>();
    for (VerifiedTransaction tx : ordered) {
      int[] count = counts.computeIfAbsent(tx.sender(), sender -> new int[1]);
      if (++count[0] >= share) {
        return true;
      }
    }
    return false;
  }
}
