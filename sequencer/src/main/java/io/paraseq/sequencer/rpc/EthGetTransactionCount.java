package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code eth_getTransactionCount(address, block)}: the account's nonce in the head's state; at
 * {@code pending}, as geth, the pool's next nonce for the sender (after its pending transactions,
 * never below the state's nonce). The pool answers on its writer thread; when it does not within
 * the timeout the call gets {@link RpcError#INGRESS_BUSY}.
 */
final class EthGetTransactionCount implements RpcMethod {

  /** How long an HTTP worker waits for the pool writer. */
  static final Duration POOL_TIMEOUT = Duration.ofSeconds(5);

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
    try {
      long next =
          pendingNonces
              .next(address, stateNonce)
              .get(POOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return RpcResult.success(HexCodec.quantity(new BigInteger(Long.toUnsignedString(next))));
    } catch (TimeoutException e) {
      return RpcError.INGRESS_BUSY.failure();
    } catch (ExecutionException e) {
      throw new IllegalStateException("pool read failed: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the pool", e);
    }
  }
}
