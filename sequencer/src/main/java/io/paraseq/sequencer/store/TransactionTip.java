package io.paraseq.sequencer.store;

import io.paraseq.protocol.tx.Wei;
import java.util.Objects;

/**
 * What one included transaction tipped, for fee statistics.
 *
 * @param blockNumber its block
 * @param gasUsed the gas it used
 * @param tip wei per gas above the block's base fee it paid (effective gas price − base fee; 0 for
 *     deposits, which pay on L1)
 */
public record TransactionTip(long blockNumber, long gasUsed, Wei tip) {

  /** Requires the tip. */
  public TransactionTip {
    Objects.requireNonNull(tip, "tip");
  }
}
