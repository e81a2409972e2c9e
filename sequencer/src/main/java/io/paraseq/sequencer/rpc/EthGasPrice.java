package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.chain.FeeOracle;
import java.util.Objects;

/**
 * {@code eth_gasPrice}: the next block's base fee plus the suggested tip ({@link
 * FeeOracle#gasPrice()}), the legacy gas price that gets a transaction into the next block.
 */
final class EthGasPrice implements RpcMethod {

  private final FeeOracle fees;

  EthGasPrice(FeeOracle fees) {
    this.fees = Objects.requireNonNull(fees, "fees");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GAS_PRICE;
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return RpcResult.success(RpcJson.quantity(fees.gasPrice()));
  }
}
