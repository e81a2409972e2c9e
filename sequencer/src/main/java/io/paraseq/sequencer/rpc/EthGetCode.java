package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.chain.ChainHead;
import java.util.Objects;

/**
 * {@code eth_getCode(address, block)}: {@code 0x} for an account without code (the empty code hash,
 * which every account has today). The node stores no code, so an account with another code hash —
 * impossible until native programs or an EVM exist — gets {@link RpcError#CODE_NOT_AVAILABLE}
 * naming the hash, never a made-up answer.
 */
final class EthGetCode implements RpcMethod {

  private final HeadStates heads;

  EthGetCode(HeadStates heads) {
    this.heads = Objects.requireNonNull(heads, "heads");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_CODE;
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
                    .then(block -> heads.resolve(block).then(head -> code(head, address))));
  }

  static RpcResult code(ChainHead.Head head, Address address) {
    Account account = head.state().account(address);
    if (account.codeHash().equals(Account.EMPTY_CODE_HASH)) {
      return RpcResult.success("0x");
    }
    return RpcError.CODE_NOT_AVAILABLE.failureWithDetail(
        "address " + address + " has code hash " + account.codeHash());
  }
}
