package io.paraseq.sequencer.chain;

import io.paraseq.protocol.tx.Wei;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fee statistics of a run of consecutive blocks ({@code eth_feeHistory}).
 *
 * @param oldestBlock the first block of the run (0 when the run is empty)
 * @param baseFeePerGas the base fee of every block of the run and then of the block after it: one
 *     more entry than blocks; empty for an empty run
 * @param gasUsedRatio gas used / gas limit of every block of the run
 * @param reward per block, the tip at each requested percentile of the block's gas (weighted by gas
 *     used); empty when no percentiles were requested
 */
public record FeeHistory(
    long oldestBlock,
    List<Wei> baseFeePerGas,
    List<Double> gasUsedRatio,
    Optional<List<List<Wei>>> reward) {

  /** The answer for no blocks. */
  public static final FeeHistory EMPTY = new FeeHistory(0, List.of(), List.of(), Optional.empty());

  /** Copies the lists and checks their lengths against each other. */
  public FeeHistory {
    baseFeePerGas = List.copyOf(baseFeePerGas);
    gasUsedRatio = List.copyOf(gasUsedRatio);
    reward =
        Objects.requireNonNull(reward, "reward").map(r -> r.stream().map(List::copyOf).toList());
    int blocks = gasUsedRatio.size();
    if (baseFeePerGas.size() != (blocks == 0 ? 0 : blocks + 1)
        || reward.map(r -> r.size() != blocks).orElse(false)) {
      throw new IllegalArgumentException(
          "inconsistent fee history: "
              + blocks
              + " ratios, "
              + baseFeePerGas.size()
              + " base fees, "
              + reward.map(List::size).orElse(0)
              + " reward rows");
    }
  }

  /** The number of blocks covered. */
  public int blockCount() {
    return gasUsedRatio.size();
  }
}
