package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.store.ChainQueries;
import java.util.Objects;

/**
 * {@code eth_getBlockTransactionCountByHash(hash)}: how many transactions the block holds; {@code
 * null} for an unknown hash.
 */
final class EthGetBlockTransactionCountByHash implements RpcMethod {

  private final ChainQueries queries;

  EthGetBlockTransactionCountByHash(ChainQueries queries) {
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_BLOCK_TRANSACTION_COUNT_BY_HASH;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(1);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return request
        .params()
        .hash(0)
        .then(
            hash ->
                queries
                    .blockNumber(hash)
                    .map(number -> EthGetBlockTransactionCountByNumber.count(queries, number))
                    .orElseGet(RpcResult::nullResult));
  }
}
