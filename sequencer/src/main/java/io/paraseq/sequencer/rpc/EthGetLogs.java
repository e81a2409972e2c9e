package io.paraseq.sequencer.rpc;

import static io.paraseq.sequencer.rpc.RpcJson.JSON;

import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.store.ChainLog;
import io.paraseq.sequencer.store.ChainQueries;
import io.paraseq.sequencer.store.LogFilter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code eth_getLogs(filter)}: the logs a filter matches, in block and log order, with geth's rules
 * and texts:
 *
 * <ul>
 *   <li>malformed filters: {@code -32602 invalid argument 0: …} ({@link LogFilterParser});
 *   <li>more than {@value #MAX_ALTERNATIVES} addresses, or topics at one position: {@code -32602
 *       exceed max addresses or topics per search position};
 *   <li>{@code blockHash} of no stored block: {@code -32000 unknown block};
 *   <li>a range (absent bounds are {@code latest}) whose start is after its end: {@code -32602
 *       invalid block range params}; whose end is after the head: {@code -32602 block range extends
 *       beyond current head block};
 *   <li>more blocks than {@code paraseq.rpc.max-logs-block-range}: {@code -32000 exceed maximum
 *       block range: N};
 *   <li>more logs than {@code paraseq.rpc.max-logs-results}: {@code -32005 query returned more than
 *       N results}, so that clients split the range.
 * </ul>
 */
final class EthGetLogs implements RpcMethod {

  /** The most addresses, and the most topics at one position, one filter may hold (geth's). */
  static final int MAX_ALTERNATIVES = 1000;

  private final BlockResolver resolver;
  private final ChainQueries queries;
  private final long maxBlockRange;
  private final int maxResults;

  EthGetLogs(BlockResolver resolver, ChainQueries queries, long maxBlockRange, int maxResults) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.queries = Objects.requireNonNull(queries, "queries");
    if (maxBlockRange < 1 || maxResults < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: range " + maxBlockRange + ", results " + maxResults);
    }
    this.maxBlockRange = maxBlockRange;
    this.maxResults = maxResults;
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_LOGS;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(1);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return request.params().parsed(0, LogFilterParser::parse).then(this::answer);
  }

  private RpcResult answer(LogCriteria criteria) {
    if (criteria.addresses().size() > MAX_ALTERNATIVES
        || criteria.topics().stream().anyMatch(t -> t.size() > MAX_ALTERNATIVES)) {
      return RpcError.LOG_QUERY_LIMIT.failure();
    }
    long from;
    long to;
    if (criteria.blockHash().isPresent()) {
      Hash hash = criteria.blockHash().get();
      Optional<Long> number = queries.blockNumber(hash);
      if (number.isEmpty()) {
        return RpcError.UNKNOWN_BLOCK.failure();
      }
      from = number.get();
      to = number.get();
    } else {
      long head = resolver.head();
      from = criteria.fromBlock().map(resolver::number).orElse(head);
      to = criteria.toBlock().map(resolver::number).orElse(head);
      if (from > to) {
        return RpcError.INVALID_BLOCK_RANGE.failure();
      }
      if (to > head) {
        return RpcError.BLOCK_RANGE_BEYOND_HEAD.failure();
      }
      if (to - from + 1 > maxBlockRange) {
        return RpcError.BLOCK_RANGE_TOO_LARGE.failure(maxBlockRange);
      }
    }
    List<ChainLog> logs =
        queries.logs(
            new LogFilter(from, to, criteria.addresses(), criteria.topics()), maxResults + 1);
    if (logs.size() > maxResults) {
      return RpcError.TOO_MANY_RESULTS.failure(maxResults);
    }
    ArrayNode out = JSON.arrayNode();
    logs.forEach(log -> out.add(ReceiptJson.log(log)));
    return RpcResult.success(out);
  }
}
