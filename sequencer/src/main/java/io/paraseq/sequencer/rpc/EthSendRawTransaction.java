package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.ingress.IngressResult;
import io.paraseq.sequencer.ingress.TransactionIngress;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code eth_sendRawTransaction}: submits the signed transaction (argument 0, data) to ingress and
 * answers its hash only after the pool table row is committed. Refusals carry geth's texts and
 * codes ({@link IngressErrors}); an ingress fault (the pool table write failed, shutdown, no answer
 * within the timeout) is an internal error: the transaction was not acknowledged.
 */
final class EthSendRawTransaction implements RpcMethod {

  /** How long an HTTP worker waits for the group commit. */
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

  @Override
  public RpcResult response(RpcRequest request) {
    return request.params().data(0).then(raw -> answer(ingress.submitAndWait(raw, timeout)));
  }

  private static RpcResult answer(IngressResult result) {
    return switch (result) {
      case IngressResult.Accepted accepted ->
          RpcResult.success(HexCodec.data(accepted.hash().bytes()));
      case IngressResult.Rejected rejected -> IngressErrors.failure(rejected);
    };
  }
}
