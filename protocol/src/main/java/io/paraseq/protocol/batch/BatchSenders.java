package io.paraseq.protocol.batch;

import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Senders of batch transactions: recovered from signatures, and checked against the senders a v1
 * batch claims. Recovery costs about 45 µs per transaction (libsecp256k1). Stateless.
 */
public final class BatchSenders {

  private BatchSenders() {}

  /**
   * A claimed sender that is not the recovered one.
   *
   * @param index the transaction's position in the batch
   * @param claimed the sender the batch names
   * @param recovered the signer, or empty if no sender can be recovered
   */
  public record Mismatch(int index, Address claimed, Optional<Address> recovered) {
    /** Requires every component. */
    public Mismatch {
      Objects.requireNonNull(claimed, "claimed");
      Objects.requireNonNull(recovered, "recovered");
    }
  }

  /**
   * Recovers the sender of every transaction of {@code blocks}, in batch order.
   *
   * @throws IllegalArgumentException if a transaction is not a valid user transaction or has no
   *     recoverable sender
   */
  public static List<Address> recover(List<BatchBlock> blocks) {
    List<Address> senders = new ArrayList<>();
    for (BatchBlock block : blocks) {
      for (Bytes raw : block.transactions()) {
        SignedTransaction tx = BatchRules.requireUserTransaction(raw, senders.size());
        TransactionResult<Address> sender = TransactionSigner.recoverSender(tx);
        int index = senders.size();
        senders.add(
            sender
                .valueIfValid()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "transaction " + index + ": no sender recoverable")));
      }
    }
    return senders;
  }

  /**
   * Checks every sender {@code batch} claims against its signature; a v0 batch claims none.
   *
   * @return the first mismatch, or empty when every claim holds
   */
  public static Optional<Mismatch> verify(DecodedBatch batch) {
    List<Address> claimed = batch.claimedSenders();
    int index = 0;
    for (BatchBlock block : batch.blocks()) {
      for (Bytes raw : block.transactions()) {
        if (index >= claimed.size()) {
          return Optional.empty();
        }
        Optional<Address> recovered = recoverOrEmpty(raw, index);
        if (!recovered.equals(Optional.of(claimed.get(index)))) {
          return Optional.of(new Mismatch(index, claimed.get(index), recovered));
        }
        index++;
      }
    }
    return Optional.empty();
  }

  private static Optional<Address> recoverOrEmpty(Bytes raw, int index) {
    try {
      return TransactionSigner.recoverSender(BatchRules.userTransaction(raw, index)).valueIfValid();
    } catch (RejectedBatchException e) {
      return Optional.empty();
    }
  }
}
