package io.paraseq.sequencer.rpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.chain.FeeOracle;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.ingress.TransactionIngress;
import io.paraseq.sequencer.store.ChainQueries;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON-RPC server's beans and <b>the method table</b>: adding a method is one class and one
 * line in {@link #rpcMethods}.
 */
@Configuration(proxyBeanMethods = false)
class RpcMethodsConfiguration {

  @Bean
  RpcMethods rpcMethods(
      ChainProperties chain,
      TransactionIngress ingress,
      ChainQueries queries,
      BlockNumbers numbers,
      FeeOracle fees,
      RpcProperties properties) {
    BlockResolver resolver = new BlockResolver(numbers, queries);
    return RpcMethods.of(
        List.of(
            new EthChainId(chain),
            new NetVersion(chain),
            new Web3ClientVersion(ClientVersion.current()),
            new Web3Sha3(),
            new RpcModules(),
            new EthSendRawTransaction(ingress, EthSendRawTransaction.DEFAULT_TIMEOUT),
            new EthBlockNumber(numbers),
            new EthGetBlockByNumber(resolver, queries),
            new EthGetBlockByHash(queries),
            new EthGetBlockTransactionCountByNumber(resolver, queries),
            new EthGetBlockTransactionCountByHash(queries),
            new EthGetTransactionByHash(queries),
            new EthGetTransactionReceipt(queries),
            new EthGetLogs(
                resolver, queries, properties.maxLogsBlockRange(), properties.maxLogsResults()),
            new EthSyncing(),
            new EthGasPrice(fees),
            new EthMaxPriorityFeePerGas(fees),
            new EthFeeHistory(resolver, fees)));
  }

  @Bean
  JsonRpcProcessor jsonRpcProcessor(
      RpcMethods methods, RpcProperties properties, MeterRegistry meterRegistry) {
    return new JsonRpcProcessor(methods, properties, new RpcMetrics(meterRegistry));
  }
}
