package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.store.ChainQueries;
import java.util.Objects;

/**
 * {@code eth_getBlockByNumber(block, fullTransactions)}: the block a tag or number names, with its
 * transactions' hashes or objects; {@code null} above the head. Both arguments are required (a null
 * flag reads as false), as in geth.
 */
final class EthGetBlockByNumber implements RpcMethod {

  private final BlockResolver resolver;
  private final ChainQueries queries;

  EthGetBlockByNumber(BlockResolver resolver, ChainQueries queries) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_BLOCK_BY_NUMBER;
  }

  @Override
  public Arity arity() {
    return new Arity(1, 1);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    RpcParams params = request.params();
    return params
        .blockNumber(0)
        .then(
            selector ->
                fullTransactionsFlag(params)
                    .then(
                        full ->
                            resolver
                                .existing(selector)
                                .map(number -> block(queries, number, full))
                                .orElseGet(RpcResult::nullResult)));
  }

  /** The second argument of both {@code eth_getBlockBy*}: present, a boolean or null (false). */
  static Param<Boolean> fullTransactionsFlag(RpcParams params) {
    if (params.size() < 2) {
      return new Param.Rejected<>(RpcError.MISSING_ARGUMENT.failure(1));
    }
    return params.optionalBoolean(1);
  }

  /** Block {@code number} with hashes or full transactions; null if it is not stored. */
  static RpcResult block(ChainQueries queries, long number, boolean full) {
    if (full) {
      return queries
          .fullBlock(number)
          .map(b -> RpcResult.success(BlockJson.of(b)))
          .orElseGet(RpcResult::nullResult);
    }
    return queries
        .blockSummary(number)
        .map(b -> RpcResult.success(BlockJson.of(b)))
        .orElseGet(RpcResult::nullResult);
  }
}
