package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.program.NativePrograms;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.chain.ChainHead;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code eth_getCode(address, block)}: {@code 0x} for an account without code (the empty code
 * hash), a native program's fixed code bytes ({@link NativePrograms#code}: {@code 0xfe} and the
 * program's tag) for a program account. The node stores no other code, so an account with another
 * code hash — impossible until an EVM exists — gets {@link RpcError#CODE_NOT_AVAILABLE} naming the
 * hash, never a made-up answer.
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
    Optional<Bytes> program = NativePrograms.code(account.codeHash());
    if (program.isPresent()) {
      return RpcResult.success(HexCodec.data(program.get()));
    }
    return RpcError.CODE_NOT_AVAILABLE.failureWithDetail(
        "address " + address + " has code hash " + account.codeHash());
  }
}
