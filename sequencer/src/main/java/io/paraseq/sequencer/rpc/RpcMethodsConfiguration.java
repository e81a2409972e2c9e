package io.paraseq.sequencer.rpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.ingress.TransactionIngress;
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
  RpcMethods rpcMethods(ChainProperties chain, TransactionIngress ingress) {
    return RpcMethods.of(
        List.of(
            new EthChainId(chain),
            new NetVersion(chain),
            new Web3ClientVersion(ClientVersion.current()),
            new Web3Sha3(),
            new RpcModules(),
            new EthSendRawTransaction(ingress, EthSendRawTransaction.DEFAULT_TIMEOUT)));
  }

  @Bean
  JsonRpcProcessor jsonRpcProcessor(
      RpcMethods methods, RpcProperties properties, MeterRegistry meterRegistry) {
    return new JsonRpcProcessor(methods, properties, new RpcMetrics(meterRegistry));
  }
}
