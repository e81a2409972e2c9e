package io.paraseq.sequencer.verifier;

import io.paraseq.batcher.derive.ReferenceChain;
import io.paraseq.protocol.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;

/**
 * The verifier's reference node ({@code paraseq.verifier.reference-rpc}) over JSON-RPC: a block's
 * state root is {@code eth_getBlockByNumber(n, false).stateRoot}. Asked only after a state root
 * mismatch, to name the first differing block; never trusted for verification. Thread-safe.
 */
final class Web3jReferenceChain implements ReferenceChain, AutoCloseable {

  private final URI url;
  private final Web3j web3j;

  Web3jReferenceChain(URI url, Duration timeout) {
    this.url = Objects.requireNonNull(url, "url");
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .build();
    this.web3j = Web3j.build(new HttpService(url.toString(), http));
  }

  @Override
  public Optional<Hash> stateRoot(long number) {
    EthBlock reply;
    try {
      reply =
          web3j
              .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
              .send();
    } catch (IOException | RuntimeException e) {
      throw new UnavailableException("eth_getBlockByNumber(" + number + "): " + e, e);
    }
    if (reply.hasError()) {
      throw new UnavailableException(
          "eth_getBlockByNumber("
              + number
              + ") answered "
              + reply.getError().getCode()
              + " "
              + reply.getError().getMessage());
    }
    EthBlock.Block block = reply.getBlock();
    if (block == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Hash.fromHex(block.getStateRoot()));
    } catch (RuntimeException e) {
      throw new UnavailableException(
          "block " + number + " has no valid stateRoot: " + block.getStateRoot(), e);
    }
  }

  @Override
  public String name() {
    return url.toString();
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
