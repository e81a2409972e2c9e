package io.paraseq.protocol.exec;

import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import java.util.Objects;

/**
 * A transaction included in a block, with what its execution gave.
 *
 * @param transaction the transaction
 * @param receipt its consensus receipt (status, cumulative gas used, logs)
 * @param gasUsed the gas it used, unsigned 64-bit (0 for deposits, which pay on L1)
 * @param effectiveGasPrice the wei per gas the sender paid (0 for deposits)
 * @param l1Fee the L1 data fee the sender paid (0 for deposits), shown as the receipt's {@code
 *     l1Fee}
 */
public record ExecutedTransaction(
    VerifiedTransaction transaction,
    Receipt receipt,
    long gasUsed,
    Wei effectiveGasPrice,
    Wei l1Fee) {

  /** Requires every component. */
  public ExecutedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(effectiveGasPrice, "effectiveGasPrice");
    Objects.requireNonNull(l1Fee, "l1Fee");
  }
}
