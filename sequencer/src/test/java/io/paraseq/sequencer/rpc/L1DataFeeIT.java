package io.paraseq.sequencer.rpc;

import static io.paraseq.sequencer.ingress.Web3jTransactions.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.sequencer.chain.L1BaseFeeSource;
import io.paraseq.sequencer.ingress.Web3jTransactions;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The L1 data fee on the real application (fresh PostgreSQL schema, anvil as L1 with a 7 gwei base
 * fee, the watcher polling every 100 ms, blocks every 100 ms): a web3j transfer's block carries the
 * L1 base fee the watcher observed on anvil, its receipt (JSON-RPC and REST) shows the L1 data fee
 * of {@link L1DataFee}, the sender pays value + gasUsed × effectiveGasPrice + l1Fee to the wei and
 * the fee recipient gains gasUsed × effectiveGasPrice + l1Fee.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class L1DataFeeIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @RegisterExtension
  static final AnvilFixture anvil = AnvilFixture.start(List.of("--base-fee", "7000000000"));

  private static final BigInteger L1_BASE_FEE = BigInteger.valueOf(7_000_000_000L);
  private static final long SCALAR = 1_500_000;
  private static final String FEE_RECIPIENT = "0x4200000000000000000000000000000000000011";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
    registry.add("paraseq.l1-fee.enabled", () -> "true");
    registry.add("paraseq.l1-fee.poll-interval", () -> "100ms");
    registry.add("paraseq.l1-fee.scalar", () -> SCALAR);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired L1BaseFeeSource l1BaseFee;

  private Web3j web3j;
  private RpcClient rpc;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void clients() {
    web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    rpc = new RpcClient(port);
  }

  @AfterEach
  void close() {
    web3j.shutdown();
    rpc.close();
    http.close();
  }

  @Test
  void aTransferPaysTheL1DataFeeOfTheObservedL1BaseFee() throws Exception {
    awaitObserved();
    Credentials sender = DevAccounts.credentials(4);
    BigInteger senderBefore = balance(sender.getAddress());
    BigInteger recipientBefore = balance(FEE_RECIPIENT);

    String raw = Web3jTransactions.transfer(sender, 0);
    EthSendTransaction sent = web3j.ethSendRawTransaction(raw).send();
    assertThat(sent.hasError()).as("%s", sent.getError()).isFalse();
    TransactionReceipt receipt = awaitReceipt(sent.getTransactionHash());

    long block = receipt.getBlockNumber().longValueExact();
    assertThat(
            jdbc.queryForObject(
                "SELECT l1_base_fee FROM blocks WHERE number = ?", Long.class, block))
        .isEqualTo(L1_BASE_FEE.longValueExact());
    int rawLength = Numeric.hexStringToByteArray(raw).length;
    BigInteger l1Fee = L1DataFee.of(rawLength, Wei.of(L1_BASE_FEE), SCALAR).value();
    assertThat(l1Fee).isPositive();
    JsonNode rpcReceipt =
        rpc.result("eth_getTransactionReceipt", "[\"" + receipt.getTransactionHash() + "\"]");
    assertThat(rpcReceipt.path("l1Fee").asString()).isEqualTo(Numeric.encodeQuantity(l1Fee));
    assertThat(restReceipt(receipt.getTransactionHash()).path("l1Fee").asString())
        .isEqualTo(l1Fee.toString());

    BigInteger gasFee =
        receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    assertThat(gasFee).isPositive();
    assertThat(balance(sender.getAddress()))
        .isEqualTo(senderBefore.subtract(BigInteger.ONE).subtract(gasFee).subtract(l1Fee));
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(recipientBefore.add(gasFee).add(l1Fee));
    assertThat(prometheusValue("paraseq_l1_base_fee_wei")).isEqualTo(7e9);
  }

  @Test
  void theIngressRefusesASenderThatCanPayGasAndValueButNotTheL1DataFee() throws Exception {
    awaitObserved();
    Credentials poor =
        Credentials.create("0x5eed00000000000000000000000000000000000000000000000000000000c0de");
    String refused = Web3jTransactions.transfer(poor, 0);
    BigInteger cost = BigInteger.valueOf(21_000).multiply(GWEI.shiftLeft(1)).add(BigInteger.ONE);
    BigInteger l1Fee =
        L1DataFee.of(Numeric.hexStringToByteArray(refused).length, Wei.of(L1_BASE_FEE), SCALAR)
            .value();
    RawTransaction funding =
        RawTransaction.createEtherTransaction(
            Web3jTransactions.CHAIN_ID,
            BigInteger.ZERO,
            BigInteger.valueOf(21_000),
            poor.getAddress(),
            cost,
            GWEI,
            GWEI.shiftLeft(1));
    EthSendTransaction fund =
        web3j
            .ethSendRawTransaction(
                Numeric.toHexString(
                    TransactionEncoder.signMessage(funding, DevAccounts.credentials(5))))
            .send();
    assertThat(fund.hasError()).as("%s", fund.getError()).isFalse();
    awaitReceipt(fund.getTransactionHash());

    EthSendTransaction sent = web3j.ethSendRawTransaction(refused).send();
    assertThat(sent.hasError()).isTrue();
    assertThat(sent.getError().getCode()).isEqualTo(-32000);
    assertThat(sent.getError().getMessage())
        .isEqualTo(
            "insufficient funds for gas * price + value: balance "
                + cost
                + ", tx cost "
                + cost.add(l1Fee));
  }

  /** Waits until the watcher has observed anvil's base fee (its first poll is at start). */
  private void awaitObserved() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!l1BaseFee.current().equals(Wei.of(L1_BASE_FEE))) {
      assertThat(System.nanoTime()).as("L1 base fee observed").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private BigInteger balance(String address) throws Exception {
    return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private TransactionReceipt awaitReceipt(String hash) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Optional<TransactionReceipt> receipt =
          web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        assertThat(receipt.get().isStatusOK()).as("status of %s", hash).isTrue();
        return receipt.get();
      }
      assertThat(System.nanoTime()).as("receipt of %s", hash).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private JsonNode restReceipt(String hash) throws Exception {
    return JsonMapper.shared().readTree(get("/v1/transactions/" + hash)).path("receipt");
  }

  /** The value of the unlabelled Prometheus sample {@code name}. */
  private double prometheusValue(String name) throws Exception {
    return get("/actuator/prometheus")
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).strip()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not exported"));
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return response.body();
  }
}
