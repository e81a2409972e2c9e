package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.store.ChainQueries;
import java.util.Objects;

/**
 * {@code eth_getBlockByHash(hash, fullTransactions)}: the stored block with that hash, with its
 * transactions' hashes or objects; {@code null} for an unknown hash.
 */
final class EthGetBlockByHash implements RpcMethod {

  private final ChainQueries queries;

  EthGetBlockByHash(ChainQueries queries) {
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_BLOCK_BY_HASH;
  }

  @Override
  public Arity arity() {
    return new Arity(1, 1);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    RpcParams params = request.params();
    return params
        .hash(0)
        .then(
            hash ->
                EthGetBlockByNumber.fullTransactionsFlag(params)
                    .then(
                        full ->
                            queries
                                .blockNumber(hash)
                                .map(number -> EthGetBlockByNumber.block(queries, number, full))
                                .orElseGet(RpcResult::nullResult)));
  }
}
