package io.paraseq.sequencer.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * One JSON-RPC method: one small class per method, its dependencies passed to its constructor, its
 * name from {@link RpcMethodName}, registered in {@link RpcMethodsConfiguration}.
 *
 * <p>The dispatcher checks the argument count against {@link #arity()} before calling {@link
 * #response(RpcRequest)}, so a method reads its required arguments without counting them. Expected
 * failures are returned as {@link RpcResult.Failure}; an exception means a bug and becomes {@link
 * RpcError#INTERNAL_ERROR}.
 *
 * <p>The dispatcher calls {@link #responseAsync(RpcRequest)}: a method that waits for another
 * component (ingress and its group commit) overrides it to return at once, so the calls of a batch
 * run together and share that wait; every other method answers synchronously through {@link
 * #response(RpcRequest)}.
 */
interface RpcMethod {

  /** The name this method answers to. */
  RpcMethodName name();

  /** How many positional arguments the method takes; none unless overridden. */
  default Arity arity() {
    return Arity.NONE;
  }

  /** Answers one call. Runs on an HTTP worker thread; implementations hold no mutable state. */
  RpcResult response(RpcRequest request);

  /**
   * Starts answering one call and returns without waiting for other components; by default the
   * synchronous answer, already completed. The future may complete on another thread (keep
   * dependent work there small: it may be a single writer's thread); it fails only on a fault,
   * which the dispatcher answers as {@link RpcError#INTERNAL_ERROR}.
   */
  default CompletableFuture<RpcResult> responseAsync(RpcRequest request) {
    return CompletableFuture.completedFuture(response(request));
  }

  /**
   * The positional arguments a method takes: {@code required} first, then up to {@code optional}
   * more.
   *
   * @param required arguments that must be present and non-null
   * @param optional arguments that may follow, absent or null
   */
  record Arity(int required, int optional) {
    static final Arity NONE = new Arity(0, 0);

    public Arity {
      if (required < 0 || optional < 0) {
        throw new IllegalArgumentException("negative arity " + required + "/" + optional);
      }
    }

    static Arity exactly(int count) {
      return new Arity(count, 0);
    }

    int max() {
      return required + optional;
    }
  }
}
