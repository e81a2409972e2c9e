package io.paraseq.batcher.l1;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * An L1 block header, as far as the transaction manager needs it.
 *
 * @param number the block number, not negative
 * @param hash the block hash
 * @param baseFee the block's base fee per gas (zero before London)
 */
public record L1Block(long number, Hash hash, Wei baseFee) {

  /** Checks the fields. */
  public L1Block {
    if (number < 0) {
      throw new IllegalArgumentException("negative block number " + number);
    }
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(baseFee, "baseFee");
  }
}
