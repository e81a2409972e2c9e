package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * A sealed L2 block as the batcher needs it: its number, timestamp, state root and L1 base fee, and
 * its user transactions (raw, in block order) with their senders. Deposits are not part of it: they
 * are not batch data (docs/batch-format.md).
 *
 * @param number the block number, at least 1 (block 0 is the genesis and in no batch)
 * @param timestamp seconds since the Unix epoch
 * @param stateRoot the state root after the block
 * @param l1BaseFee the L1 base fee its L1 data fees were computed from, at most 2^63-1 wei
 * @param transactions the user transactions, raw, in block order
 * @param senders the sender of each transaction, same order and length
 */
public record SealedBlock(
    long number,
    long timestamp,
    Hash stateRoot,
    Wei l1BaseFee,
    List<Bytes> transactions,
    List<Address> senders) {

  /**
   * Checks the fields and copies the lists.
   *
   * @throws IllegalArgumentException for block 0 or below, a negative timestamp, an L1 base fee
   *     above 2^63-1 or lists of different lengths
   */
  public SealedBlock {
    if (number < 1) {
      throw new IllegalArgumentException("block " + number + " cannot be batched (genesis is 0)");
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("negative timestamp " + timestamp);
    }
    Objects.requireNonNull(stateRoot, "stateRoot");
    L1DataFee.requireL1BaseFee(l1BaseFee);
    transactions = List.copyOf(transactions);
    senders = List.copyOf(senders);
    if (transactions.size() != senders.size()) {
      throw new IllegalArgumentException(
          "block " + number + ": " + transactions.size() + " txs, " + senders.size() + " senders");
    }
  }

  /** The block as a batch carries it; the deposit cursor is 0 until deposits exist. */
  public BatchBlock toBatchBlock() {
    return new BatchBlock(number, timestamp, 0, l1BaseFee, transactions);
  }

  /** Bytes of the raw transactions together. */
  public long rawBytes() {
    long total = 0;
    for (Bytes tx : transactions) {
      total += tx.length();
    }
    return total;
  }
}
