package io.paraseq.sequencer.rpc;

/**
 * {@code eth_syncing}: always {@code false}. The sequencer makes the chain; it never syncs it from
 * peers.
 */
final class EthSyncing implements RpcMethod {

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_SYNCING;
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return RpcResult.success(false);
  }
}
