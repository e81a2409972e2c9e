package io.paraseq.protocol.batch;

import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * One L2 block as a batch carries it: what a verifier needs to rebuild the block, and no more. The
 * header's other fields (roots, gas used, base fee) follow from executing the transactions; the L1
 * base fee is not in the header but decides the transactions' L1 data fees, so the batch carries
 * it.
 *
 * <p>The transactions are user transactions only, in their raw network form (legacy RLP list or
 * {@code type || rlp(fields)}). Deposits are not batch data: the block's deposits are the L1
 * deposit queue entries between the previous block's cursor and this block's {@code depositCursor}
 * (docs/batch-format.md).
 *
 * @param number the block number, in [0, 2^63-1]
 * @param timestamp seconds since the Unix epoch, in [0, 2^63-1]
 * @param depositCursor the L1 deposit queue position after this block, in [0, 2^63-1]
 * @param l1BaseFee the L1 base fee the block's L1 data fees were computed from ({@code
 *     BlockContext.l1BaseFee}), in [0, 2^63-1] wei
 * @param transactions the block's user transactions, raw
 */
public record BatchBlock(
    long number, long timestamp, long depositCursor, Wei l1BaseFee, List<Bytes> transactions) {

  /**
   * Checks the ranges and copies the list.
   *
   * @throws IllegalArgumentException if a number is negative or the L1 base fee above 2^63-1
   */
  public BatchBlock {
    requireNonNegative(number, "number");
    requireNonNegative(timestamp, "timestamp");
    requireNonNegative(depositCursor, "depositCursor");
    L1DataFee.requireL1BaseFee(l1BaseFee);
    transactions = List.copyOf(Objects.requireNonNull(transactions, "transactions"));
  }

  private static void requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be in [0, 2^63-1], got " + value);
    }
  }
}
