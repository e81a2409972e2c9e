package io.paraseq.batcher.l1;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * {@link L1Client} over web3j's JSON-RPC client. Transport failures and server errors of reads
 * become {@link L1UnavailableException}; refusals of {@code eth_sendRawTransaction} become {@link
 * SendResult.Rejected} values. Thread-safe (web3j's client is).
 */
public final class Web3jL1Client implements L1Client {

  private static final int JSON_RPC_SERVER_ERROR_MIN = -32099;
  private static final int JSON_RPC_SERVER_ERROR_MAX = -32000;
  private static final int JSON_RPC_INTERNAL_ERROR = -32603;

  private final Web3j web3j;

  /** Uses {@code web3j}; the caller owns (and shuts down) it. */
  public Web3jL1Client(Web3j web3j) {
    this.web3j = web3j;
  }

  /**
   * A web3j client for {@code rpcUrl} whose every request times out after {@code requestTimeout}.
   * The caller shuts it down.
   */
  public static Web3j connect(URI rpcUrl, Duration requestTimeout) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(requestTimeout)
            .readTimeout(requestTimeout)
            .writeTimeout(requestTimeout)
            .callTimeout(requestTimeout)
            .build();
    return Web3j.build(new HttpService(rpcUrl.toString(), http));
  }

  @Override
  public long chainId() {
    return send("eth_chainId", web3j.ethChainId()).getChainId().longValueExact();
  }

  @Override
  public L1Block latestBlock() {
    return block("latest", DefaultBlockParameterName.LATEST)
        .orElseThrow(() -> new L1UnavailableException("eth_getBlockByNumber(latest) had no block"));
  }

  @Override
  public Optional<L1Block> blockByNumber(long number) {
    return block(Long.toString(number), DefaultBlockParameter.valueOf(BigInteger.valueOf(number)));
  }

  @Override
  public long pendingNonce(Address account) {
    return nonce(account, DefaultBlockParameterName.PENDING);
  }

  @Override
  public long latestNonce(Address account) {
    return nonce(account, DefaultBlockParameterName.LATEST);
  }

  @Override
  public SendResult sendRawTransaction(Bytes rawTransaction) {
    EthSendTransaction response;
    try {
      response = web3j.ethSendRawTransaction(rawTransaction.toHex()).send();
    } catch (IOException e) {
      throw unavailable("eth_sendRawTransaction", e);
    }
    if (response.hasError()) {
      String message = response.getError().getMessage();
      return new SendResult.Rejected(SendRejection.classify(message), message);
    }
    return new SendResult.Accepted(Hash.fromHex(response.getTransactionHash()));
  }

  @Override
  public Optional<L1Receipt> receipt(Hash txHash) {
    Optional<TransactionReceipt> receipt =
        send("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(txHash.toString()))
            .getTransactionReceipt();
    return receipt.map(Web3jL1Client::toReceipt);
  }

  @Override
  public Bytes call(Address to, Bytes data) {
    String value =
        send(
                "eth_call",
                web3j.ethCall(
                    Transaction.createEthCallTransaction(null, to.toLowerHex(), data.toHex()),
                    DefaultBlockParameterName.LATEST))
            .getValue();
    return Bytes.fromHex(value == null ? "0x" : value);
  }

  @Override
  public List<L1Log> logs(Address address, Hash topic0, long fromBlock, long toBlock) {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)),
            address.toLowerHex());
    filter.addSingleTopic(topic0.toString());
    List<EthLog.LogResult> results = send("eth_getLogs", web3j.ethGetLogs(filter)).getLogs();
    List<L1Log> logs = new ArrayList<>(results.size());
    for (EthLog.LogResult<?> result : results) {
      if (!(result.get() instanceof Log log)) {
        throw new L1UnavailableException("eth_getLogs answered hashes instead of logs");
      }
      if (log.isRemoved()) {
        continue;
      }
      logs.add(
          new L1Log(
              Address.fromHex(log.getAddress()),
              log.getTopics().stream().map(Hash::fromHex).toList(),
              Bytes.fromHex(log.getData() == null ? "0x" : log.getData()),
              log.getBlockNumber().longValueExact(),
              Hash.fromHex(log.getBlockHash()),
              Hash.fromHex(log.getTransactionHash()),
              log.getLogIndex().longValueExact()));
    }
    return logs;
  }

  @Override
  public Optional<L1TransactionData> transaction(Hash txHash) {
    return send("eth_getTransactionByHash", web3j.ethGetTransactionByHash(txHash.toString()))
        .getTransaction()
        .map(
            tx ->
                new L1TransactionData(
                    Hash.fromHex(tx.getHash()),
                    Address.fromHex(tx.getFrom()),
                    Optional.ofNullable(tx.getTo()).map(Address::fromHex),
                    Bytes.fromHex(tx.getInput() == null ? "0x" : tx.getInput())));
  }

  private Optional<L1Block> block(String name, DefaultBlockParameter parameter) {
    EthBlock.Block block =
        send("eth_getBlockByNumber(" + name + ")", web3j.ethGetBlockByNumber(parameter, false))
            .getBlock();
    if (block == null) {
      return Optional.empty();
    }
    BigInteger baseFee = block.getBaseFeePerGasRaw() == null ? null : block.getBaseFeePerGas();
    return Optional.of(
        new L1Block(
            block.getNumber().longValueExact(),
            Hash.fromHex(block.getHash()),
            baseFee == null ? Wei.ZERO : Wei.of(baseFee)));
  }

  private long nonce(Address account, DefaultBlockParameterName tag) {
    return send(
            "eth_getTransactionCount(" + tag.getValue() + ")",
            web3j.ethGetTransactionCount(account.toLowerHex(), tag))
        .getTransactionCount()
        .longValueExact();
  }

  private static L1Receipt toReceipt(TransactionReceipt r) {
    String price = r.getEffectiveGasPrice();
    return new L1Receipt(
        Hash.fromHex(r.getTransactionHash()),
        r.getBlockNumber().longValueExact(),
        Hash.fromHex(r.getBlockHash()),
        r.isStatusOK(),
        r.getGasUsed().longValueExact(),
        price == null ? Wei.ZERO : Wei.of(Numeric.decodeQuantity(price)));
  }

  private static <T extends Response<?>> T send(String method, Request<?, T> request) {
    T response;
    try {
      response = request.send();
    } catch (IOException e) {
      throw unavailable(method, e);
    }
    if (response.hasError()) {
      Response.Error error = response.getError();
      int code = error.getCode();
      if (code == JSON_RPC_INTERNAL_ERROR
          || (code >= JSON_RPC_SERVER_ERROR_MIN && code <= JSON_RPC_SERVER_ERROR_MAX)) {
        throw new L1UnavailableException(method + " failed: " + code + " " + error.getMessage());
      }
      throw new L1RpcErrorException(method, code, error.getMessage());
    }
    return response;
  }

  private static L1UnavailableException unavailable(String method, IOException e) {
    return new L1UnavailableException(method + " failed: " + e, e);
  }
}
