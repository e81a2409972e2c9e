package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.store.ChainQueries;
import java.util.Objects;

/**
 * {@code eth_getTransactionReceipt(hash)}: the receipt of an included transaction; {@code null}
 * while it is pending or when it is unknown.
 */
final class EthGetTransactionReceipt implements RpcMethod {

  private final ChainQueries queries;

  EthGetTransactionReceipt(ChainQueries queries) {
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_TRANSACTION_RECEIPT;
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
                    .receipt(hash)
                    .map(receipt -> RpcResult.success(ReceiptJson.of(receipt)))
                    .orElseGet(RpcResult::nullResult));
  }
}
