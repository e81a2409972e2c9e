package io.paraseq.sequencer.rpc;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The names of the JSON-RPC methods this node serves. Every constant has exactly one {@link
 * RpcMethod} registered in {@link RpcMethodsConfiguration}; the registry refuses to start
 * otherwise. Add a constant only together with its class.
 */
enum RpcMethodName {
  ETH_CHAIN_ID("eth_chainId"),
  NET_VERSION("net_version"),
  WEB3_CLIENT_VERSION("web3_clientVersion"),
  WEB3_SHA3("web3_sha3"),
  RPC_MODULES("rpc_modules"),
  ETH_SEND_RAW_TRANSACTION("eth_sendRawTransaction"),
  ETH_GET_BALANCE("eth_getBalance"),
  ETH_GET_TRANSACTION_COUNT("eth_getTransactionCount"),
  ETH_GET_CODE("eth_getCode"),
  ETH_GET_STORAGE_AT("eth_getStorageAt"),
  ETH_CALL("eth_call"),
  ETH_ESTIMATE_GAS("eth_estimateGas"),
  ETH_GET_PROOF("eth_getProof"),
  ETH_BLOCK_NUMBER("eth_blockNumber"),
  ETH_GET_BLOCK_BY_NUMBER("eth_getBlockByNumber"),
  ETH_GET_BLOCK_BY_HASH("eth_getBlockByHash"),
  ETH_GET_BLOCK_TRANSACTION_COUNT_BY_NUMBER("eth_getBlockTransactionCountByNumber"),
  ETH_GET_BLOCK_TRANSACTION_COUNT_BY_HASH("eth_getBlockTransactionCountByHash"),
  ETH_GET_TRANSACTION_BY_HASH("eth_getTransactionByHash"),
  ETH_GET_TRANSACTION_RECEIPT("eth_getTransactionReceipt"),
  ETH_GET_LOGS("eth_getLogs"),
  ETH_SYNCING("eth_syncing"),
  ETH_GAS_PRICE("eth_gasPrice"),
  ETH_MAX_PRIORITY_FEE_PER_GAS("eth_maxPriorityFeePerGas"),
  ETH_FEE_HISTORY("eth_feeHistory");

  private static final Map<String, RpcMethodName> BY_WIRE_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(n -> n.wireName, Function.identity()));

  private final String wireName;

  RpcMethodName(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire ({@code eth_chainId}); also the metric tag. */
  String wireName() {
    return wireName;
  }

  /** The namespace before the underscore ({@code eth}). */
  String namespace() {
    return wireName.substring(0, wireName.indexOf('_'));
  }

  /** The constant for a wire name, exactly as spelled (method names are case-sensitive). */
  static Optional<RpcMethodName> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
