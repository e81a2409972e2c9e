package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.CallExecutor;
import io.paraseq.protocol.exec.CallMessage;
import io.paraseq.sequencer.chain.ChainHead;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code eth_call} and {@code eth_estimateGas} share: their arguments ({@code [callObject,
 * block?, stateOverrides?, blockOverrides?]}, geth's), the state they run on and the executor for
 * it. Calls run on the head's state as the first transaction of the next block (its number,
 * timestamp and base fee), on a throw-away overlay. State and block overrides are refused with
 * {@code -32602} (an empty object, which overrides nothing, is accepted).
 */
final class Calls {

  /** The highest gas limit a call may use: geth's default {@code --rpc.gascap}. */
  static final long GAS_CAP = 50_000_000;

  private final HeadStates heads;
  private final Function<BlockHeader, BlockContext> nextBlock;
  private final long chainId;

  Calls(HeadStates heads, Function<BlockHeader, BlockContext> nextBlock, long chainId) {
    this.heads = Objects.requireNonNull(heads, "heads");
    this.nextBlock = Objects.requireNonNull(nextBlock, "nextBlock");
    this.chainId = chainId;
  }

  /** The arguments the call methods take. */
  static RpcMethod.Arity arity() {
    return new RpcMethod.Arity(1, 3);
  }

  /**
   * Reads the arguments, resolves the block and builds the message, then answers with {@code run};
   * the first failure otherwise.
   *
   * @param gasWhenAbsent the gas limit of a call object without one
   */
  RpcResult run(RpcParams params, long gasWhenAbsent, Run run) {
    return params
        .callObject(0)
        .then(
            arguments ->
                params
                    .blockOrLatest(1)
                    .then(
                        block -> {
                          Optional<RpcResult.Failure> overrides =
                              params
                                  .unsupported(2, "state overrides")
                                  .or(() -> params.unsupported(3, "block overrides"));
                          if (overrides.isPresent()) {
                            return overrides.get();
                          }
                          return heads
                              .resolve(block)
                              .then(head -> execute(head, arguments, gasWhenAbsent, run));
                        }));
  }

  private RpcResult execute(
      ChainHead.Head head, CallArguments arguments, long gasWhenAbsent, Run run) {
    CallExecutor executor = new CallExecutor(nextBlock.apply(head.header()), head.state());
    return arguments
        .toMessage(chainId, gasWhenAbsent, GAS_CAP)
        .then(message -> run.answer(executor, message));
  }

  /** A call method's own part: the answer for a message and an executor on the right state. */
  @FunctionalInterface
  interface Run {
    RpcResult answer(CallExecutor executor, CallMessage message);
  }
}
