package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.exec.CallExecutor;
import io.paraseq.protocol.exec.CallMessage;
import io.paraseq.protocol.exec.TransactionOutcome;
import java.util.Objects;

/**
 * {@code eth_call(callObject, block?)}: runs the call on the block's state (see {@link Calls}) and
 * answers its return data: {@code 0x} for a transfer, the ABI-encoded result for a native program.
 * A reverted call gets geth's code 3 {@code execution reverted[: reason]} with the revert data, one
 * out of gas geth's {@code out of gas}; a call that cannot run gets geth's error ({@code
 * insufficient funds for gas * price + value: …}, {@code intrinsic gas too low: …}); a creation or
 * a call to code that is not a native program gets an error saying the chain has no EVM yet, never
 * a made-up result. Without {@code gas} the call gets {@value Calls#GAS_CAP}.
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
      case TransactionOutcome.Included ok when ok.failure().isEmpty() ->
          RpcResult.success(HexCodec.data(ok.returnData()));
      case TransactionOutcome.Included failed ->
          switch (failed.failure().orElseThrow()) {
            case REVERTED -> CallRefusals.reverted(failed.returnData());
            case OUT_OF_GAS -> RpcError.OUT_OF_GAS.failure();
          };
      case TransactionOutcome.Skipped refused ->
          CallRefusals.failure(refused.reason(), refused.message());
    };
  }
}
