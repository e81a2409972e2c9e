package io.paraseq.protocol.exec;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.types.Address;
import java.util.Objects;

/**
 * Runs {@link CallMessage}s for {@code eth_call} and {@code eth_estimateGas} on top of one state,
 * as if they were the first transaction of the block described by the context: each call goes
 * through {@link TransactionProcessor#call} against its own throw-away {@link BlockOverlay}, so the
 * state is never written and calls do not see each other.
 *
 * <p>Holds no mutable state; safe from any thread when the {@link StateView} is (a {@link
 * io.paraseq.protocol.state.StateSnapshot} is).
 */
public final class CallExecutor {

  private final BlockContext context;
  private final StateView state;
  private final TransactionProcessor processor;

  /**
   * An executor for calls in the block of {@code context} on top of {@code state}.
   *
   * @param context the block the calls run in (usually the next one)
   * @param state the state before that block; never modified
   */
  public CallExecutor(BlockContext context, StateView state) {
    this.context = Objects.requireNonNull(context, "context");
    this.state = Objects.requireNonNull(state, "state");
    this.processor = new TransactionProcessor(context);
  }

  /** The block the calls run in. */
  public BlockContext context() {
    return context;
  }

  /** The account at {@code address} in the state the calls start from. */
  public Account account(Address address) {
    return state.account(address);
  }

  /** Runs {@code call} and throws its writes away. */
  public TransactionOutcome call(CallMessage call) {
    return processor.call(call, new BlockOverlay(state, context.feeRecipient()));
  }
}
