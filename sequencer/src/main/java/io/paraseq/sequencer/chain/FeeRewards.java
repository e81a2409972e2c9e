package io.paraseq.sequencer.chain;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.sequencer.store.TransactionTip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tips at given percentiles of one block's gas, as geth computes {@code eth_feeHistory}'s
 * rewards: transactions sorted by tip (stably, so equal tips keep block order), each weighted by
 * the gas it used; the reward at percentile p is the tip of the first transaction at which the
 * running gas sum reaches {@code floor(blockGasUsed × p / 100)} (in double arithmetic, as geth). A
 * block without transactions gives zeros.
 */
final class FeeRewards {

  private FeeRewards() {}

  /**
   * The rewards of a block that used {@code blockGasUsed} gas and holds {@code transactions}, at
   * {@code percentiles} (increasing, within [0, 100]).
   */
  static List<Wei> of(
      long blockGasUsed, List<TransactionTip> transactions, List<Double> percentiles) {
    List<Wei> rewards = new ArrayList<>(percentiles.size());
    if (transactions.isEmpty()) {
      percentiles.forEach(p -> rewards.add(Wei.ZERO));
      return rewards;
    }
    List<TransactionTip> sorted = new ArrayList<>(transactions);
    sorted.sort(Comparator.comparing(TransactionTip::tip));
    int index = 0;
    long sumGasUsed = sorted.getFirst().gasUsed();
    for (double p : percentiles) {
      long threshold = (long) ((double) blockGasUsed * p / 100);
      while (sumGasUsed < threshold && index < sorted.size() - 1) {
        index++;
        sumGasUsed += sorted.get(index).gasUsed();
      }
      rewards.add(sorted.get(index).tip());
    }
    return rewards;
  }
}
