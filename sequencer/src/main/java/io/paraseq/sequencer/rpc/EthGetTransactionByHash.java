package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.store.ChainQueries;
import java.util.Objects;

/**
 * {@code eth_getTransactionByHash(hash)}: the transaction, included (with its block and index) or
 * pending in the pool (those three null); {@code null} when unknown.
 */
final class EthGetTransactionByHash implements RpcMethod {

  private final ChainQueries queries;

  EthGetTransactionByHash(ChainQueries queries) {
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_TRANSACTION_BY_HASH;
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
                    .transaction(hash)
                    .map(tx -> RpcResult.success(TransactionJson.of(tx)))
                    .orElseGet(RpcResult::nullResult));
  }
}
