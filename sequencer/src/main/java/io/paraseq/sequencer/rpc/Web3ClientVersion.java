package io.paraseq.sequencer.rpc;

/** {@code web3_clientVersion}: {@code Paraseq/v<version>/<os>-<arch>/java<feature>}. */
final class Web3ClientVersion implements RpcMethod {

  private final String version;

  Web3ClientVersion(ClientVersion version) {
    this.version = version.text();
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.WEB3_CLIENT_VERSION;
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return RpcResult.success(version);
  }
}
