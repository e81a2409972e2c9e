package io.paraseq.protocol.batch;

import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionDecoder;
import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.types.Bytes;
import java.util.List;

/**
 * The rules every batch obeys, whatever its version: the one home of each, used by the encoders
 * (where a violation is a caller's bug) and the decoders (where it is bad data).
 *
 * <ul>
 *   <li>at least one block; numbers consecutive; timestamps and deposit cursors never decrease;
 *   <li>every transaction is a user transaction the strict {@link TransactionDecoder} accepts
 *       (legacy, EIP-2930, EIP-1559); deposits ({@code 0x7e}) are not batch data.
 * </ul>
 */
final class BatchRules {

  private BatchRules() {}

  /**
   * Checks the block sequence.
   *
   * @throws RejectedBatchException with {@link BatchDecodeError#NO_BLOCKS} or {@link
   *     BatchDecodeError#BLOCK_SEQUENCE}
   */
  static void checkBlocks(List<BatchBlock> blocks) {
    if (blocks.isEmpty()) {
      throw new RejectedBatchException(BatchDecodeError.NO_BLOCKS, "0 blocks");
    }
    for (int i = 1; i < blocks.size(); i++) {
      BatchBlock previous = blocks.get(i - 1);
      BatchBlock block = blocks.get(i);
      if (block.number() != previous.number() + 1) {
        throw sequence("block " + block.number() + " follows block " + previous.number());
      }
      if (block.timestamp() < previous.timestamp()) {
        throw sequence(
            "block " + block.number() + " timestamp " + block.timestamp() + " before its parent's");
      }
      if (block.depositCursor() < previous.depositCursor()) {
        throw sequence(
            "block " + block.number() + " deposit cursor " + block.depositCursor() + " decreases");
      }
    }
  }

  /**
   * Decodes transaction {@code index} of the batch strictly.
   *
   * @throws RejectedBatchException with {@link BatchDecodeError#INVALID_TRANSACTION} or {@link
   *     BatchDecodeError#DEPOSIT_IN_BATCH}
   */
  static SignedTransaction userTransaction(Bytes raw, int index) {
    TransactionResult<Transaction> result = TransactionDecoder.decode(raw);
    if (result instanceof TransactionResult.Invalid<Transaction> invalid) {
      throw new RejectedBatchException(
          BatchDecodeError.INVALID_TRANSACTION,
          "transaction " + index + ": " + invalid.rejection().message());
    }
    return switch (result.orElseThrow()) {
      case SignedTransaction signed -> signed;
      case DepositTransaction deposit ->
          throw new RejectedBatchException(
              BatchDecodeError.DEPOSIT_IN_BATCH,
              "transaction " + index + " is deposit " + deposit.sourceHash());
    };
  }

  /** {@link #checkBlocks} for an encoder: a violation is the caller's bug. */
  static void requireBlocks(List<BatchBlock> blocks) {
    try {
      checkBlocks(blocks);
    } catch (RejectedBatchException e) {
      throw new IllegalArgumentException(e.failure().message());
    }
  }

  /** {@link #userTransaction} for an encoder: a violation is the caller's bug. */
  static SignedTransaction requireUserTransaction(Bytes raw, int index) {
    try {
      return userTransaction(raw, index);
    } catch (RejectedBatchException e) {
      throw new IllegalArgumentException(e.failure().message());
    }
  }

  private static RejectedBatchException sequence(String detail) {
    return new RejectedBatchException(BatchDecodeError.BLOCK_SEQUENCE, detail);
  }
}
