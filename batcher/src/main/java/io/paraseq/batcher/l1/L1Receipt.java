package io.paraseq.batcher.l1;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The receipt of an included L1 transaction.
 *
 * @param txHash the transaction hash
 * @param blockNumber the including block
 * @param blockHash the including block's hash (to detect reorgs)
 * @param success status 1 (false: the call reverted, the nonce and the fee are spent anyway)
 * @param gasUsed gas used by the transaction
 * @param effectiveGasPrice the price paid per gas (base fee + effective tip)
 */
public record L1Receipt(
    Hash txHash,
    long blockNumber,
    Hash blockHash,
    boolean success,
    long gasUsed,
    Wei effectiveGasPrice) {

  /** Checks the fields. */
  public L1Receipt {
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(effectiveGasPrice, "effectiveGasPrice");
    if (blockNumber < 0 || gasUsed < 0) {
      throw new IllegalArgumentException(
          "negative block number or gas: " + blockNumber + ", " + gasUsed);
    }
  }

  /** What the transaction cost: gas used × effective gas price. */
  public Wei fee() {
    return Wei.of(BigInteger.valueOf(gasUsed).multiply(effectiveGasPrice.value()));
  }
}
