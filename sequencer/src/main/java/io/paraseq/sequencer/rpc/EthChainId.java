package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.config.ChainProperties;

/** {@code eth_chainId}: the L2 chain id (EIP-695) as a hex quantity. */
final class EthChainId implements RpcMethod {

  private final String chainId;

  EthChainId(ChainProperties chain) {
    this.chainId = HexCodec.quantity(chain.id());
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_CHAIN_ID;
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return RpcResult.success(chainId);
  }
}
