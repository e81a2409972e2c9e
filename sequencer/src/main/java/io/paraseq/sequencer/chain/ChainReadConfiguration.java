package io.paraseq.sequencer.chain;

import io.paraseq.batcher.post.BatchProgress;
import io.paraseq.sequencer.store.ChainQueries;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the read side of the chain that the APIs (JSON-RPC, REST) build on: the queries of the
 * chain tables, the meaning of block names, and the fee oracle.
 */
@Configuration(proxyBeanMethods = false)
class ChainReadConfiguration {

  @Bean
  ChainQueries chainQueries(DataSource dataSource) {
    return new ChainQueries(dataSource);
  }

  @Bean
  BlockNumbers blockNumbers(ChainHead head, BatchProgress progress) {
    return new BlockNumbers(head, progress);
  }

  @Bean
  FeeOracle feeOracle(ChainState chain, ChainHead head, ChainQueries queries) {
    return new FeeOracle(chain.config(), head, queries);
  }
}
