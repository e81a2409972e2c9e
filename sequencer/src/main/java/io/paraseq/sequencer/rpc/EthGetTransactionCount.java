package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.util.Objects;

/**
 * {@code eth_getTransactionCount(address, block)}: the account's nonce in the head's state; at
 * {@code pending}, as geth, the pool's next nonce for the sender (after its pending transactions,
 * never below the state's nonce). The pool answers on its writer thread; when it does not within
 * the timeout the call gets {@link RpcError#INGRESS_BUSY}.
 */
final class EthGetTransactionCount implements RpcMethod {

  private final HeadStates heads;
  private final PendingNonces pendingNonces;

  EthGetTransactionCount(HeadStates heads, PendingNonces pendingNonces) {
    this.heads = Objects.requireNonNull(heads, "heads");
    this.pendingNonces = Objects.requireNonNull(pendingNonces, "pendingNonces");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_TRANSACTION_COUNT;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(2);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    RpcParams params = request.params();
    return params.address(0).then(address -> params.block(1).then(b -> count(address, b)));
  }

  private RpcResult count(Address address, BlockSelector block) {
    if (block instanceof BlockSelector.Tag(BlockSelector.TagName name)
        && name == BlockSelector.TagName.PENDING) {
      return pending(address);
    }
    return heads
        .resolve(block)
        .then(
            head ->
                RpcResult.success(HexCodec.quantity(head.state().account(address).nonceValue())));
  }

  private RpcResult pending(Address address) {
    long stateNonce = heads.head().state().account(address).nonce();
    return pendingNonces
        .next(address, stateNonce)
        .map(
            next ->
                RpcResult.success(HexCodec.quantity(new BigInteger(Long.toUnsignedString(next)))))
        .orElseGet(RpcError.INGRESS_BUSY::failure);
  }
}
