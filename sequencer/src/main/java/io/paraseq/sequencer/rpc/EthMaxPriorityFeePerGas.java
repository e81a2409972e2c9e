package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.chain.FeeOracle;
import java.util.Objects;

/** {@code eth_maxPriorityFeePerGas}: the suggested tip ({@link FeeOracle#suggestedTip()}). */
final class EthMaxPriorityFeePerGas implements RpcMethod {

  private final FeeOracle fees;

  EthMaxPriorityFeePerGas(FeeOracle fees) {
    this.fees = Objects.requireNonNull(fees, "fees");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_MAX_PRIORITY_FEE_PER_GAS;
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return RpcResult.success(RpcJson.quantity(fees.suggestedTip()));
  }
}
