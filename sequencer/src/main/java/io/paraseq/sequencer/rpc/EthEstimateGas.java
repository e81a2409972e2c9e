package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.exec.CallExecutor;
import io.paraseq.protocol.exec.CallMessage;
import io.paraseq.protocol.exec.GasEstimate;
import io.paraseq.protocol.exec.GasEstimator;
import io.paraseq.protocol.types.Bytes;
import java.util.Objects;

/**
 * {@code eth_estimateGas(callObject, block?)}: the lowest gas limit at which the call succeeds on
 * the block's state (see {@link Calls}), searched as geth searches it ({@link GasEstimator}): up to
 * the call's gas, else the block gas limit, lowered to what the balance pays when a fee is given,
 * and to {@value Calls#GAS_CAP}. geth's errors: {@code gas required exceeds allowance (N)}, {@code
 * insufficient funds for transfer}, and those of {@code eth_call}.
 */
final class EthEstimateGas implements RpcMethod {

  private final Calls calls;

  EthEstimateGas(Calls calls) {
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_ESTIMATE_GAS;
  }

  @Override
  public Arity arity() {
    return Calls.arity();
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return calls.run(request.params(), 0, EthEstimateGas::answer);
  }

  private static RpcResult answer(CallExecutor executor, CallMessage message) {
    return switch (new GasEstimator(executor, Calls.GAS_CAP).estimate(message)) {
      case GasEstimate.Estimated(long gas) -> RpcResult.success(HexCodec.quantity(gas));
      case GasEstimate.Refused(var reason, String detail) -> CallRefusals.failure(reason, detail);
      case GasEstimate.Reverted(Bytes revertData) -> CallRefusals.reverted(revertData);
      case GasEstimate.ExceedsAllowance(long allowance) ->
          RpcError.GAS_REQUIRED_EXCEEDS_ALLOWANCE.failure(allowance);
      case GasEstimate.InsufficientFundsForTransfer() ->
          RpcError.INSUFFICIENT_FUNDS_FOR_TRANSFER.failure();
    };
  }
}
