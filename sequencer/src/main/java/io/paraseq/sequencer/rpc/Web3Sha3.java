package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.crypto.Keccak256;
import io.paraseq.protocol.types.Bytes;

/** {@code web3_sha3}: keccak-256 of the data argument (not SHA3-256), as 32-byte data. */
final class Web3Sha3 implements RpcMethod {

  @Override
  public RpcMethodName name() {
    return RpcMethodName.WEB3_SHA3;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(1);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return request
        .params()
        .data(0)
        .then(data -> RpcResult.success(HexCodec.data(Bytes.of(Keccak256.hash(data.toArray())))));
  }
}
