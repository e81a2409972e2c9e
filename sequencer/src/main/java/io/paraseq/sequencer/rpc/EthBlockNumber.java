package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.chain.BlockNumbers;
import java.util.Objects;

/** {@code eth_blockNumber}: the head's number. */
final class EthBlockNumber implements RpcMethod {

  private final BlockNumbers numbers;

  EthBlockNumber(BlockNumbers numbers) {
    this.numbers = Objects.requireNonNull(numbers, "numbers");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_BLOCK_NUMBER;
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return RpcResult.success(HexCodec.quantity(numbers.latest()));
  }
}
