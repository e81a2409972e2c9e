package io.paraseq.sequencer.rpc;

import java.util.Objects;
import java.util.function.Function;

/**
 * One decoded argument, or the failure that rejects it: the {@code -32602} that names a malformed
 * argument, or the {@code -32000} of a well-formed one the node refuses (a call object's
 * conflicting fields). Methods switch over it or use {@link #then(Function)}.
 */
sealed interface Param<T> {

  /** The method's answer computed from the value, or the failure unchanged. */
  RpcResult then(Function<? super T, RpcResult> answer);

  /**
   * A well-formed argument.
   *
   * @param value the decoded value
   */
  record Ok<T>(T value) implements Param<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public RpcResult then(Function<? super T, RpcResult> answer) {
      return answer.apply(value);
    }
  }

  /**
   * A rejected argument.
   *
   * @param failure the failure, naming the argument when it is malformed
   */
  record Rejected<T>(RpcResult.Failure failure) implements Param<T> {
    public Rejected {
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public RpcResult then(Function<? super T, RpcResult> answer) {
      return failure;
    }
  }
}
