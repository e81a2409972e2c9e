package io.paraseq.sequencer.rpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.chain.FeeOracle;
import io.paraseq.sequencer.chain.NextBlockContext;
import io.paraseq.sequencer.chain.StateProofs;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.NodeProperties;
import io.paraseq.sequencer.ingress.IngressService;
import io.paraseq.sequencer.ingress.TransactionIngress;
import io.paraseq.sequencer.ingress.VerifierIngress;
import io.paraseq.sequencer.store.ChainQueries;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON-RPC server's beans and <b>the method table</b>: adding a method is one class and one
 * line in {@link #rpcMethods}. A verifier answers {@code eth_sendRawTransaction} with {@link
 * RpcError#NOT_AVAILABLE_ON_VERIFIER} ({@link VerifierIngress}).
 */
@Configuration(proxyBeanMethods = false)
class RpcMethodsConfiguration {

  @Bean
  RpcMethods rpcMethods(
      ChainProperties chain,
      NodeProperties node,
      IngressService ingress,
      StateSources state,
      ChainQueries queries,
      BlockNumbers numbers,
      FeeOracle fees,
      RpcProperties properties) {
    return table(
        chain,
        node.verifier() ? new VerifierIngress() : ingress,
        state,
        queries,
        numbers,
        fees,
        properties);
  }

  /** The method table over {@code ingress}. */
  static RpcMethods table(
      ChainProperties chain,
      TransactionIngress ingress,
      StateSources state,
      ChainQueries queries,
      BlockNumbers numbers,
      FeeOracle fees,
      RpcProperties properties) {
    Calls calls = new Calls(state.heads(), state.nextBlock(), chain.id());
    BlockResolver resolver = new BlockResolver(numbers, queries);
    return RpcMethods.of(
        List.of(
            new EthChainId(chain),
            new NetVersion(chain),
            new Web3ClientVersion(ClientVersion.current()),
            new Web3Sha3(),
            new RpcModules(),
            new EthSendRawTransaction(ingress, EthSendRawTransaction.DEFAULT_TIMEOUT),
            new EthGetBalance(state.heads()),
            new EthGetTransactionCount(state.heads(), state.pendingNonces()),
            new EthGetCode(state.heads()),
            new EthGetStorageAt(state.heads()),
            new EthCall(calls),
            new EthEstimateGas(calls),
            new EthGetProof(state.heads(), state.prover()),
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

  /** The state methods' view of the chain (head, stored blocks, next block, proofs) and pool. */
  @Bean
  StateSources stateSources(
      ChainHead head,
      BlockNumbers numbers,
      ChainQueries queries,
      NextBlockContext nextBlock,
      IngressService ingress,
      StateProofs proofs) {
    return new StateSources(
        new HeadStates(head::snapshot, numbers, queries::blockNumber),
        nextBlock::after,
        ingress::pendingNonce,
        proofs::prove);
  }

  @Bean
  JsonRpcProcessor jsonRpcProcessor(
      RpcMethods methods, RpcProperties properties, MeterRegistry meterRegistry) {
    return new JsonRpcProcessor(
        methods, properties, new RpcMetrics(meterRegistry), TransactionIngress.DEFAULT_WAIT);
  }
}
