package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.config.ChainProperties;

/** {@code net_version}: the network id, which is the chain id, as a decimal string (as geth). */
final class NetVersion implements RpcMethod {

  private final String networkId;

  NetVersion(ChainProperties chain) {
    this.networkId = Long.toString(chain.id());
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.NET_VERSION;
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return RpcResult.success(networkId);
  }
}
