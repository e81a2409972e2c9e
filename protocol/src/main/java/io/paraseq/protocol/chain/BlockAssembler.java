package io.paraseq.protocol.chain;

import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.OrderedRoots;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * Seals executed blocks: applies a block's diff to the world state and builds the header over the
 * new state root, the transactions and receipts roots ({@link OrderedRoots}), the bloom and the gas
 * used. Extra data is empty and prevRandao zero.
 *
 * <p>The block producer's thread owns an assembler and its {@link WorldState} (the state's one
 * writer). A context or state that does not follow the parent is a bug in the caller and throws;
 * the state is then untouched.
 */
public final class BlockAssembler {

  private final ChainConfig config;
  private final WorldState state;

  /**
   * An assembler that advances {@code state}, which must be at the head the next {@link #assemble}
   * builds on.
   */
  public BlockAssembler(ChainConfig config, WorldState state) {
    this.config = Objects.requireNonNull(config, "config");
    this.state = Objects.requireNonNull(state, "state");
  }

  /**
   * Applies {@code execution}'s diff to the state and returns the sealed block after {@code
   * parent}.
   *
   * @throws IllegalArgumentException if the state is not at {@code parent}'s state root, or {@code
   *     context} is not {@link ChainConfig#nextContext} of {@code parent} for its timestamp and L1
   *     base fee
   */
  public Block assemble(BlockHeader parent, BlockContext context, BlockExecution execution) {
    if (!state.stateRoot().equals(parent.stateRoot())) {
      throw new IllegalArgumentException(
          "world state at "
              + state.stateRoot()
              + ", parent block "
              + parent.number()
              + " has state root "
              + parent.stateRoot());
    }
    BlockContext expected = config.nextContext(parent, context.timestamp(), context.l1BaseFee());
    if (!context.equals(expected)) {
      throw new IllegalArgumentException(
          "context " + context + " does not follow the parent; expected " + expected);
    }
    state.apply(execution.diff());
    List<Transaction> transactions = execution.transactions();
    BlockHeader header =
        BlockHeader.paraseq(
            parent.hash(),
            context.feeRecipient(),
            state.stateRoot(),
            OrderedRoots.transactionsRoot(transactions),
            OrderedRoots.receiptsRoot(execution.receipts()),
            execution.logsBloom(),
            context.number(),
            context.gasLimit(),
            execution.gasUsed(),
            context.timestamp(),
            Bytes.EMPTY,
            Hash.ZERO,
            context.baseFee());
    return new Block(header, transactions);
  }
}
