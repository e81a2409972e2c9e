package io.paraseq.batcher.l1;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * Where an intent's transaction was included.
 *
 * @param txHash the included attempt
 * @param blockNumber the including L1 block
 * @param blockHash its hash when the manager saw it
 * @param success the receipt status (false: reverted)
 * @param gasUsed gas used
 * @param effectiveGasPrice price paid per gas
 */
public record L1Inclusion(
    Hash txHash,
    long blockNumber,
    Hash blockHash,
    boolean success,
    long gasUsed,
    Wei effectiveGasPrice) {

  /** Checks the fields. */
  public L1Inclusion {
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(effectiveGasPrice, "effectiveGasPrice");
  }

  static L1Inclusion of(L1Receipt receipt) {
    return new L1Inclusion(
        receipt.txHash(),
        receipt.blockNumber(),
        receipt.blockHash(),
        receipt.success(),
        receipt.gasUsed(),
        receipt.effectiveGasPrice());
  }
}
