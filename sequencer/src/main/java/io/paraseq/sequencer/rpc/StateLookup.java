package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.chain.ChainHead;
import java.util.Objects;
import java.util.function.Function;

/**
 * The state a block argument names: the head's, or the {@code -32000} failure saying why there is
 * none. Methods use {@link #then(Function)}.
 */
sealed interface StateLookup {

  /** The method's answer computed from the head, or the failure unchanged. */
  RpcResult then(Function<ChainHead.Head, RpcResult> answer);

  /**
   * The block is the head, whose state the node holds.
   *
   * @param head the head block and the state after it
   */
  record Found(ChainHead.Head head) implements StateLookup {
    public Found {
      Objects.requireNonNull(head, "head");
    }

    @Override
    public RpcResult then(Function<ChainHead.Head, RpcResult> answer) {
      return answer.apply(head);
    }
  }

  /**
   * No state for the block: unknown, or older than the head.
   *
   * @param failure {@link RpcError#HEADER_NOT_FOUND} or {@link
   *     RpcError#HISTORICAL_STATE_UNAVAILABLE}
   */
  record Missing(RpcResult.Failure failure) implements StateLookup {
    public Missing {
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public RpcResult then(Function<ChainHead.Head, RpcResult> answer) {
      return failure;
    }
  }
}
