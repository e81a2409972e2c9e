package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.DevAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * A client of the read methods for the ITs: web3j for typed decoding, raw JSON-RPC for exact fields
 * and errors, and transfers signed by the dev accounts as a wallet signs them.
 */
final class ReadClient implements AutoCloseable {

  static final long CHAIN_ID = 3195;
  static final String TO = "0x000000000000000000000000000000000000beef";
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

  final Web3j web3j;
  private final RpcClient rpc;

  ReadClient(int port) {
    this.web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    this.rpc = new RpcClient(port);
  }

  /**
   * An EIP-1559 transfer of 1 wei at 2 gwei fee cap and 1 gwei tip from dev account {@code from}.
   */
  static String dynamic(int from, long nonce) {
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            CHAIN_ID,
            BigInteger.valueOf(nonce),
            BigInteger.valueOf(21_000),
            TO,
            BigInteger.ONE,
            GWEI,
            GWEI.shiftLeft(1));
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, credentials(from)));
  }

  /** A legacy (EIP-155) transfer of 2 wei at 1 gwei from dev account {@code from}. */
  static String legacy(int from, long nonce) {
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            BigInteger.valueOf(nonce), GWEI, BigInteger.valueOf(21_000), TO, BigInteger.TWO);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, CHAIN_ID, credentials(from)));
  }

  static String hashOf(String rawHex) {
    return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(rawHex)));
  }

  static Credentials credentials(int index) {
    return DevAccounts.credentials(index);
  }

  /** Sends {@code raw} and returns its hash; fails the test on an error answer. */
  String send(String raw) {
    try {
      EthSendTransaction sent = web3j.ethSendRawTransaction(raw).send();
      assertThat(sent.hasError()).as("%s", sent.getError()).isFalse();
      return sent.getTransactionHash();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code eth_getTransactionReceipt} until the receipt appears. */
  TransactionReceipt awaitReceipt(String hash) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      var receipt = web3j.ethGetTransactionReceipt(hash).send();
      assertThat(receipt.hasError()).as("%s", receipt.getError()).isFalse();
      if (receipt.getTransactionReceipt().isPresent()) {
        return receipt.getTransactionReceipt().get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no receipt for " + hash + " within " + RECEIPT_TIMEOUT);
  }

  /** Sends and waits for the receipt: one transfer per block when called in sequence. */
  TransactionReceipt include(String raw) throws IOException, InterruptedException {
    return awaitReceipt(send(raw));
  }

  /** The whole reply object of one call; {@code params} is the JSON array's content. */
  JsonNode call(String method, String params) {
    return rpc.call(method, "[" + params + "]");
  }

  /** The result of a call that must succeed. */
  JsonNode result(String method, String params) {
    return rpc.result(method, "[" + params + "]");
  }

  /** Asserts that the call fails with {@code code} and {@code message}. */
  void assertError(String method, String params, int code, String message) {
    rpc.assertError(method, "[" + params + "]", code, message);
  }

  @Override
  public void close() {
    web3j.shutdown();
    rpc.close();
  }
}
