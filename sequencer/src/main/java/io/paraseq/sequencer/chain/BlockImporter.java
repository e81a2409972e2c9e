package io.paraseq.sequencer.chain;

import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.BlockExecutor;
import io.paraseq.protocol.exec.SkippedTransaction;
import io.paraseq.protocol.state.StateSnapshot;
import io.paraseq.protocol.tx.Rejection;
import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Executes a block derived from L1 (the verifier role) by the block producer's rules, without
 * changing any state: the context is {@link ChainConfig#nextContext} of the parent at the batch's
 * timestamp and the block's L1 base fee as the batch carries it (number parent + 1, the chain's gas
 * limit, fee recipient, chain id and L1 fee scalar, the base fee from the parent), each transaction
 * passes ingress' checks ({@link ValidationPolicy#userIngress}), their gas limits fit the block,
 * and the executor (the producer's) includes every one of them. A block the sequencer could not
 * have built — an invalid transaction, one the executor would skip (a wrong nonce, insufficient
 * funds, a fee cap below the base fee), gas limits over the block's, a timestamp before the
 * parent's — is {@link Checked.Invalid}. Stateless; called on the state owner's thread.
 */
final class BlockImporter {

  private final ChainConfig config;
  private final BlockExecutor executor;
  private final TransactionValidator validator;

  BlockImporter(ChainConfig config, BlockExecutor executor) {
    this.config = Objects.requireNonNull(config, "config");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.validator = new TransactionValidator(ValidationPolicy.userIngress(config.chainId()));
  }

  /** The outcome of checking and executing one derived block. */
  sealed interface Checked {

    /** The block executes; its diff is not applied yet. */
    record Executable(BlockContext context, BlockExecution execution) implements Checked {}

    /** The block cannot follow the parent; why. */
    record Invalid(String reason) implements Checked {}
  }

  /** Checks and executes {@code block} on {@code view}, the state after {@code parent}. */
  Checked execute(BlockHeader parent, BatchBlock block, StateSnapshot view) {
    if (block.number() != parent.number() + 1) {
      return new Checked.Invalid(
          "block " + block.number() + " does not follow the head " + parent.number());
    }
    if (Long.compareUnsigned(block.timestamp(), parent.timestamp()) < 0) {
      return new Checked.Invalid(
          "timestamp " + block.timestamp() + " before the parent's " + parent.timestamp());
    }
    BlockContext context;
    try {
      context = config.nextContext(parent, block.timestamp(), block.l1BaseFee());
    } catch (IllegalArgumentException e) {
      return new Checked.Invalid(e.getMessage());
    }
    List<VerifiedTransaction> transactions = new ArrayList<>(block.transactions().size());
    for (int i = 0; i < block.transactions().size(); i++) {
      Bytes raw = block.transactions().get(i);
      switch (validator.verify(raw)) {
        case TransactionResult.Valid<VerifiedTransaction>(VerifiedTransaction tx) ->
            transactions.add(tx);
        case TransactionResult.Invalid<VerifiedTransaction>(Rejection rejection) -> {
          return new Checked.Invalid("transaction " + i + " invalid: " + rejection.message());
        }
      }
    }
    try {
      context.requireGasLimitsFit(transactions);
    } catch (IllegalArgumentException e) {
      return new Checked.Invalid(e.getMessage());
    }
    BlockExecution execution = executor.execute(context, transactions, view);
    if (!execution.skipped().isEmpty()) {
      SkippedTransaction skipped = execution.skipped().getFirst();
      return new Checked.Invalid(
          "transaction "
              + skipped.transaction().hash()
              + " cannot be included: "
              + skipped.reason()
              + " ("
              + skipped.message()
              + ")");
    }
    return new Checked.Executable(context, execution);
  }
}
