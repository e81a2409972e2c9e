package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.chain.ChainHead;
import java.util.Objects;

/** {@code eth_getBalance(address, block)}: the account's balance in wei, as a quantity. */
final class EthGetBalance implements RpcMethod {

  private final HeadStates heads;

  EthGetBalance(HeadStates heads) {
    this.heads = Objects.requireNonNull(heads, "heads");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_BALANCE;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(2);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    RpcParams params = request.params();
    return params
        .address(0)
        .then(
            address ->
                params
                    .block(1)
                    .then(block -> heads.resolve(block).then(head -> balance(head, address))));
  }

  private static RpcResult balance(ChainHead.Head head, Address address) {
    return RpcResult.success(HexCodec.quantity(head.state().account(address).balance().value()));
  }
}
