package io.paraseq.sequencer.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.post.BatchProgress;
import io.paraseq.batcher.post.Batcher;
import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.chain.DevnetPrograms;
import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.GenesisStateRoot;
import io.paraseq.sequencer.config.ChainProperties;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node with its batcher on, against a real anvil (a block every second) holding a Rollup
 * deployed with the node's genesis root (sequencer: dev account 0, challenge period 5 s) and a real
 * PostgreSQL: 1,000 mixed transactions (ETH transfers, TKA transfers, TKA→TKB swaps through the
 * native pair, after an approval) from ten senders → every block ends up in batches 0..k on L1
 * whose roots link from the genesis root and whose calldata decodes to exactly the node's blocks
 * (raw transactions, numbers, timestamps); {@code safe} and {@code finalized} follow, and the REST
 * status goes {@code batched} → {@code final}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatcherNodeIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @RegisterExtension
  static final AnvilFixture anvil = AnvilFixture.start(List.of("--block-time", "1"));

  static final ChainId CHAIN = ChainId.of(3195);
  static final int SENDERS = 10;
  static final int TXS_PER_SENDER = 100;
  static final Duration CHALLENGE = DevRollup.CHALLENGE;
  static Deployment deployment;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    deployment = DevRollup.deploy(anvil, 0);
    DevRollup.register(registry, db, anvil, deployment);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
    registry.add("paraseq.batcher.enabled", () -> "true");
    registry.add("paraseq.batcher.private-key", () -> DevAccounts.PRIVATE_KEYS.get(0));
    registry.add("paraseq.batcher.max-age", () -> "2s");
    registry.add("paraseq.batcher.poll-interval", () -> "200ms");
    registry.add("paraseq.batcher.l1tx.confirmation-depth", () -> "2");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Batcher batcher;
  @Autowired BatchProgress progress;

  Web3j l2;

  @BeforeEach
  void client() {
    l2 = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
  }

  @AfterEach
  void close() {
    l2.shutdown();
  }

  @Test
  void everyBlockOfAThousandMixedTransactionsEndsUpInLinkedBatchesOnL1() throws Exception {
    List<String> hashes = sendMixedTransactions();
    waitFor(
        "all transactions included",
        Duration.ofSeconds(60),
        () -> includedCount() == hashes.size());
    long lastTxBlock =
        jdbc.queryForObject("SELECT max(block_number) FROM transactions", Long.class);

    waitFor(
        "safe reaches block " + lastTxBlock,
        Duration.ofSeconds(90),
        () -> blockNumber("safe") >= lastTxBlock);
    assertThat(batcher.halted()).isEmpty();
    String sample = hashes.get(hashes.size() - 1);
    assertThat(restStatus(sample)).isIn("batched", "final");
    waitFor(
        "finalized reaches block " + lastTxBlock,
        Duration.ofSeconds(60),
        () -> blockNumber("finalized") >= lastTxBlock);
    assertThat(restStatus(sample)).isEqualTo("final");
    assertThat(restStatus(hashes.getFirst())).isEqualTo("final");
    assertThat(progress.finalizedThrough()).isGreaterThanOrEqualTo(lastTxBlock);

    // L1 alone: the events and the calldata of the L1 transactions, against the node's rows.
    batcher.close();
    BatchesOnL1.Posted posted =
        BatchesOnL1.assertEveryBlockInExactlyOneBatch(
            anvil.web3j(),
            Address.fromHex(deployment.rollup()),
            jdbc,
            CHAIN,
            GenesisStateRoot.of(ChainProperties.withId(CHAIN.value())));
    assertThat(posted.batches()).isPositive();
    assertThat(posted.lastBlock()).isGreaterThanOrEqualTo(lastTxBlock);
    assertThat(posted.transactions()).containsAll(hashes.stream().map(Hash::fromHex).toList());
  }

  private List<String> sendMixedTransactions() throws IOException {
    List<String> hashes = new ArrayList<>();
    Address pair = DevnetPrograms.PAIR;
    Address tokenA = DevnetPrograms.TOKEN_A;
    for (int nonce = 0; nonce < TXS_PER_SENDER; nonce++) {
      for (int s = 0; s < SENDERS; s++) {
        PrivateKey key = key(s);
        Address self = Address.fromHex(DevAccounts.credentials(s).getAddress());
        Address other = Address.fromHex(DevAccounts.credentials((s + 1) % SENDERS).getAddress());
        DynamicFeeTransaction tx =
            switch (nonce == 0 ? 0 : 1 + nonce % 3) {
              case 0 ->
                  call(
                      nonce,
                      tokenA,
                      100_000,
                      encode("approve", pair.toLowerHex(), BigInteger.ONE.shiftLeft(200)));
              case 1 ->
                  new DynamicFeeTransaction(
                      CHAIN,
                      nonce,
                      tip(),
                      maxFee(),
                      21_000,
                      Optional.of(other),
                      Wei.of(1_000_000_000_000L + nonce),
                      Bytes.EMPTY,
                      List.of());
              case 2 ->
                  call(
                      nonce,
                      tokenA,
                      100_000,
                      encode("transfer", other.toLowerHex(), BigInteger.valueOf(1_000 + nonce)));
              default ->
                  call(
                      nonce,
                      pair,
                      200_000,
                      encode(
                          "swap",
                          tokenA.toLowerHex(),
                          BigInteger.TEN.pow(15),
                          BigInteger.ZERO,
                          self.toLowerHex()));
            };
        String raw = TransactionSigner.sign(tx, key).encoded().toHex();
        var answer = l2.ethSendRawTransaction(raw).send();
        assertThat(answer.hasError()).as(() -> answer.getError().getMessage()).isFalse();
        hashes.add(answer.getTransactionHash());
      }
    }
    return hashes;
  }

  private static DynamicFeeTransaction call(long nonce, Address to, long gas, Bytes data) {
    return new DynamicFeeTransaction(
        CHAIN, nonce, tip(), maxFee(), gas, Optional.of(to), Wei.ZERO, data, List.of());
  }

  private static Wei tip() {
    return Wei.of(1_000_000_000L);
  }

  private static Wei maxFee() {
    return Wei.of(50_000_000_000L);
  }

  @SuppressWarnings("rawtypes")
  private static Bytes encode(String name, Object... args) {
    List<Type> types = new ArrayList<>();
    for (Object arg : args) {
      types.add(
          arg instanceof String address
              ? new org.web3j.abi.datatypes.Address(address)
              : new Uint256((BigInteger) arg));
    }
    return Bytes.fromHex(FunctionEncoder.encode(new Function(name, types, List.of())));
  }

  private static PrivateKey key(int index) {
    return PrivateKey.of(Numeric.hexStringToByteArray(DevAccounts.PRIVATE_KEYS.get(index)))
        .orElseThrow();
  }

  private long includedCount() {
    return jdbc.queryForObject("SELECT count(*) FROM transactions", Long.class);
  }

  private long blockNumber(String tag) {
    try {
      return l2.ethGetBlockByNumber(DefaultBlockParameterName.fromString(tag), false)
          .send()
          .getBlock()
          .getNumber()
          .longValueExact();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String restStatus(String hash) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/v1/transactions/" + hash))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = JsonMapper.shared().readTree(response.body());
      return body.path("status").asString();
    }
  }

  private static void waitFor(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }
}
