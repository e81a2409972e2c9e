package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.ingress.IngressResult;
import io.paraseq.sequencer.ingress.TransactionIngress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code eth_sendRawTransaction}: submits the signed transaction (argument 0, data) to ingress and
 * answers its hash only after the pool table row is committed. Refusals carry geth's texts and
 * codes ({@link IngressErrors}); an ingress fault (the pool table write failed, shutdown, no answer
 * within the timeout) is an internal error: the transaction was not acknowledged.
 *
 * <p>The dispatcher uses {@link #responseAsync}, which submits and returns at once, so the
 * transactions of one batch are verified in parallel and share group commits; it owns the deadline.
 * {@link #response} is the blocking form for other callers.
 */
final class EthSendRawTransaction implements RpcMethod {

  /** How long the blocking form waits for the group commit. */
  static final Duration DEFAULT_TIMEOUT = TransactionIngress.DEFAULT_WAIT;

  private final TransactionIngress ingress;
  private final Duration timeout;

  EthSendRawTransaction(TransactionIngress ingress, Duration timeout) {
    this.ingress = Objects.requireNonNull(ingress, "ingress");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_SEND_RAW_TRANSACTION;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(1);
  }

  /** Submits and waits up to the timeout; an ingress fault or the timeout is thrown. */
  @Override
  public RpcResult response(RpcRequest request) {
    return request.params().data(0).then(raw -> answer(ingress.submitAndWait(raw, timeout)));
  }

  /**
   * Submits without waiting: a malformed argument is answered at once, otherwise the future
   * completes with ingress' decision (on the thread that decided, often the pool writer) or fails
   * with its fault.
   */
  @Override
  public CompletableFuture<RpcResult> responseAsync(RpcRequest request) {
    return switch (request.params().data(0)) {
      case Param.Ok<Bytes>(var raw) -> ingress.submit(raw).thenApply(EthSendRawTransaction::answer);
      case Param.Rejected<Bytes>(RpcResult.Failure failure) ->
          CompletableFuture.completedFuture(failure);
    };
  }

  private static RpcResult answer(IngressResult result) {
    return switch (result) {
      case IngressResult.Accepted accepted ->
          RpcResult.success(HexCodec.data(accepted.hash().bytes()));
      case IngressResult.Rejected rejected -> IngressErrors.failure(rejected);
    };
  }
}
