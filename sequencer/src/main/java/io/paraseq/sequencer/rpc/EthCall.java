package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.CallExecutor;
import io.paraseq.protocol.exec.CallMessage;
import io.paraseq.protocol.exec.TransactionOutcome;
import java.util.Objects;

/**
 * {@code eth_call(callObject, block?)}: runs the call on the block's state (see {@link Calls}) and
 * answers its return data: {@code 0x} for a transfer, the only call that can run today. A call that
 * cannot run gets geth's error ({@code insufficient funds for gas * price + value: …}, {@code
 * intrinsic gas too low: …}); a creation or a call to an account with code gets an error saying the
 * chain has no EVM yet, never a made-up result. Without {@code gas} the call gets {@value
 * Calls#GAS_CAP}.
 */
final class EthCall implements RpcMethod {

  private final Calls calls;

  EthCall(Calls calls) {
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_CALL;
  }

  @Override
  public Arity arity() {
    return Calls.arity();
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return calls.run(request.params(), Calls.GAS_CAP, EthCall::answer);
  }

  private static RpcResult answer(CallExecutor executor, CallMessage message) {
    return switch (executor.call(message)) {
      case TransactionOutcome.Included ok when ok.status() == ReceiptStatus.SUCCESS ->
          RpcResult.success("0x");
      case TransactionOutcome.Included failed ->
          throw new IllegalStateException("a transfer call failed without an EVM: " + failed);
      case TransactionOutcome.Skipped refused ->
          CallRefusals.failure(refused.reason(), refused.message());
    };
  }
}
