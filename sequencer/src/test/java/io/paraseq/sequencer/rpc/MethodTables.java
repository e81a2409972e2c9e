package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.chain.FeeOracle;
import io.paraseq.sequencer.chain.TestHeads;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.ingress.TransactionIngress;
import io.paraseq.sequencer.store.ChainQueries;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.util.unit.DataSize;

/**
 * The node's method table for unit tests of the dispatcher: the real method classes over a genesis
 * head; the chain queries get a data source that these tests never reach (no method that reads the
 * tables is called).
 */
final class MethodTables {

  static final ChainProperties CHAIN = ChainProperties.withId(3195);
  static final TransactionIngress NO_INGRESS =
      raw -> CompletableFuture.failedFuture(new IllegalStateException("no ingress in this test"));

  private MethodTables() {}

  /** Default limits with {@code maxBatch} calls per batch. */
  static RpcProperties properties(int maxBatch) {
    return new RpcProperties(
        DataSize.ofMegabytes(5),
        maxBatch,
        RpcProperties.DEFAULT_MAX_LOGS_BLOCK_RANGE,
        RpcProperties.DEFAULT_MAX_LOGS_RESULTS);
  }

  /** The table {@link RpcMethodsConfiguration} builds. */
  static RpcMethods standard() {
    ChainHead head = TestHeads.genesis();
    ChainQueries queries = new ChainQueries(new PGSimpleDataSource());
    return RpcMethodsConfiguration.table(
        CHAIN,
        NO_INGRESS,
        TestStateSources.none(),
        queries,
        new BlockNumbers(head),
        new FeeOracle(TestHeads.CONFIG, head, queries),
        properties(1000));
  }

  /** The standard table with each of {@code replacements} answering to its name. */
  static RpcMethods replacing(RpcMethod... replacements) {
    Map<RpcMethodName, RpcMethod> byName = new EnumMap<>(RpcMethodName.class);
    RpcMethods standard = standard();
    for (RpcMethodName name : RpcMethodName.values()) {
      byName.put(name, standard.get(name));
    }
    for (RpcMethod replacement : replacements) {
      byName.put(replacement.name(), replacement);
    }
    return RpcMethods.of(byName.values());
  }
}
