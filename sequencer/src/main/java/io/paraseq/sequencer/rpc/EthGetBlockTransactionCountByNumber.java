package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.store.ChainQueries;
import java.util.Objects;

/**
 * {@code eth_getBlockTransactionCountByNumber(block)}: how many transactions the block holds;
 * {@code null} above the head.
 */
final class EthGetBlockTransactionCountByNumber implements RpcMethod {

  private final BlockResolver resolver;
  private final ChainQueries queries;

  EthGetBlockTransactionCountByNumber(BlockResolver resolver, ChainQueries queries) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_BLOCK_TRANSACTION_COUNT_BY_NUMBER;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(1);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return request
        .params()
        .blockNumber(0)
        .then(
            selector ->
                resolver
                    .existing(selector)
                    .map(number -> count(queries, number))
                    .orElseGet(RpcResult::nullResult));
  }

  /** The transaction count of block {@code number} as a quantity; null if it is not stored. */
  static RpcResult count(ChainQueries queries, long number) {
    return queries
        .transactionCount(number)
        .map(count -> RpcResult.success(HexCodec.quantity(count)))
        .orElseGet(RpcResult::nullResult);
  }
}
