package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.trie.ProofResult;
import io.paraseq.protocol.trie.ProofVerifier;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.ingress.Web3jTransactions;
import java.math.BigInteger;
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
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * The state methods on the real application (fresh PostgreSQL schema, anvil as L1, blocks every 100
 * ms): web3j-signed transfers of each type from the development accounts, balances and nonces to
 * the wei, estimates and calls with geth's errors, proofs checked against the head's state root
 * with the protocol's verifier, and the block arguments the node has no state for. Each test uses
 * its own development accounts, so the order of the tests does not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StateRpcIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(22);
  private static final String EMPTY = "0x000000000000000000000000000000000000e0e0";
  private static final String ZERO_WORD = "0x" + "00".repeat(32);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChainHead head;

  private Web3j web3j;
  private RpcClient rpc;

  @BeforeEach
  void clients() {
    web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    rpc = new RpcClient(port);
  }

  @AfterEach
  void close() {
    web3j.shutdown();
    rpc.close();
  }

  @Test
  void transfersOfEachTypeMoveBalancesAndNoncesToTheWei() throws Exception {
    Credentials legacy = DevAccounts.credentials(1);
    Credentials accessList = DevAccounts.credentials(2);
    Credentials dynamic = DevAccounts.credentials(3);
    BigInteger recipientBefore = balance(Web3jTransactions.TO);
    for (Credentials sender : List.of(legacy, accessList, dynamic)) {
      assertThat(balance(sender.getAddress())).isEqualTo(DEV_BALANCE);
      assertThat(nonce(sender.getAddress(), DefaultBlockParameterName.LATEST)).isZero();
    }

    String legacyHash = sent(Web3jTransactions.legacy(legacy, 0, Web3jTransactions.CHAIN_ID));
    String accessListHash = sent(Web3jTransactions.accessList(accessList, 0));
    String dynamicHash = sent(Web3jTransactions.transfer(dynamic, 0));
    TransactionReceipt legacyReceipt = awaitReceipt(legacyHash);
    TransactionReceipt accessListReceipt = awaitReceipt(accessListHash);
    TransactionReceipt dynamicReceipt = awaitReceipt(dynamicHash);

    assertPaid(legacy, legacyReceipt, 21_000);
    assertPaid(accessList, accessListReceipt, 23_400);
    assertPaid(dynamic, dynamicReceipt, 21_000);
    assertThat(balance(Web3jTransactions.TO)).isEqualTo(recipientBefore.add(BigInteger.valueOf(3)));
    assertThat(gasPrice(legacyReceipt)).isEqualTo(Web3jTransactions.GWEI);
    assertThat(gasPrice(accessListReceipt)).isEqualTo(Web3jTransactions.GWEI);
    BigInteger baseFee = blockOf(dynamicReceipt).getBaseFeePerGas();
    assertThat(gasPrice(dynamicReceipt))
        .isEqualTo(baseFee.add(Web3jTransactions.GWEI).min(Web3jTransactions.GWEI.shiftLeft(1)));
    for (Credentials sender : List.of(legacy, accessList, dynamic)) {
      assertThat(nonce(sender.getAddress(), DefaultBlockParameterName.LATEST)).isEqualTo(1);
      assertThat(nonce(sender.getAddress(), DefaultBlockParameterName.PENDING)).isEqualTo(1);
    }
  }

  @Test
  void estimatesAndCallsOfTransfers() throws Exception {
    String from = DevAccounts.credentials(0).getAddress();
    assertThat(rpc.result("eth_estimateGas", call(from, EMPTY, "\"value\": \"0x1\"")).asString())
        .isEqualTo("0x5208");
    assertThat(
            rpc.result(
                    "eth_estimateGas",
                    call(from, EMPTY, "\"input\": \"0x0102\", \"maxFeePerGas\": \"0x77359400\""))
                .asString())
        .isEqualTo(HexCodec.quantity(21_000 + 2 * 16));
    assertThat(rpc.result("eth_call", call(from, EMPTY, "\"value\": \"0x1\"")).asString())
        .isEqualTo("0x");
    assertThat(
            rpc.result(
                    "eth_call",
                    "[" + callObject(from, EMPTY, "\"value\": \"0x1\"") + ", \"latest\", {}]")
                .asString())
        .isEqualTo("0x");
    // Calls change nothing.
    assertThat(balance(EMPTY)).isZero();
    assertThat(balance(from)).isEqualTo(DEV_BALANCE);
  }

  @Test
  void estimatesAndCallsAnswerGethsErrors() {
    String from = DevAccounts.credentials(0).getAddress();
    String poor = "0x000000000000000000000000000000000000dead";
    String checksummedPoor = Address.fromHex(poor).toString();

    rpc.assertError(
        "eth_estimateGas",
        call(poor, EMPTY, "\"value\": \"0x1\""),
        -32000,
        "insufficient funds for gas * price + value: address "
            + checksummedPoor
            + " have 0 want 1");
    rpc.assertError(
        "eth_estimateGas",
        call(poor, EMPTY, "\"value\": \"0x1\", \"gasPrice\": \"0x3b9aca00\""),
        -32000,
        "insufficient funds for transfer");
    rpc.assertError(
        "eth_estimateGas",
        call(from, EMPTY, "\"input\": \"0x01\", \"gas\": \"0x5208\""),
        -32000,
        "gas required exceeds allowance (21000)");
    rpc.assertError(
        "eth_call",
        call(from, EMPTY, "\"gas\": \"0x4e20\""),
        -32000,
        "intrinsic gas too low: have 20000, want 21000");
    rpc.assertError(
        "eth_call",
        "[{\"from\": \"" + from + "\", \"input\": \"0x6000\"}]",
        -32000,
        "contract creation is not supported: the chain has no EVM yet");
    rpc.assertError(
        "eth_call",
        call(from, EMPTY, "\"data\": \"0x01\", \"input\": \"0x02\""),
        -32000,
        "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass"
            + " transaction call data");
    rpc.assertError(
        "eth_call",
        call(from, EMPTY, "\"gasPrice\": \"0x1\", \"maxFeePerGas\": \"0x1\""),
        -32000,
        "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    assertThat(rpc.error("eth_call", call(from, EMPTY, "\"maxFeePerGas\": \"0x1\"")).asString())
        .startsWith(
            "max fee per gas less than block base fee: address "
                + Address.fromHex(from)
                + ", maxFeePerGas: 1, baseFee: ");
    rpc.assertError(
        "eth_call",
        "["
            + callObject(from, EMPTY, "")
            + ", \"latest\", {\""
            + EMPTY
            + "\": {\"balance\": \"0x1\"}}]",
        -32602,
        "invalid argument 2: state overrides are not supported");
  }

  @Test
  void proofsVerifyAgainstTheHeadStateRoot() {
    String address = DevAccounts.credentials(5).getAddress();
    BlockHeader header;
    JsonNode reply;
    int attempts = 0;
    do { // asked by number: if a block of another test comes in between, that is history
      header = head.current();
      reply =
          rpc.call(
              "eth_getProof",
              "[\""
                  + address
                  + "\", [\"0x0\", \"0x"
                  + "00".repeat(31)
                  + "07\"], \""
                  + HexCodec.quantity(header.number())
                  + "\"]");
    } while (reply.has("error") && ++attempts < 5);
    assertThat(reply.has("error")).as("%s", reply).isFalse();
    JsonNode proof = reply.path("result");

    assertThat(proof.path("address").asString()).isEqualTo(address.toLowerCase());
    assertThat(proof.path("balance").asString()).isEqualTo(HexCodec.quantity(DEV_BALANCE));
    assertThat(proof.path("nonce").asString()).isEqualTo("0x0");
    assertThat(proof.path("codeHash").asString()).isEqualTo(Account.EMPTY_CODE_HASH.toString());
    assertThat(proof.path("storageHash").asString()).isEqualTo(MerkleTrie.EMPTY_ROOT.toString());
    ProofResult account =
        ProofVerifier.verifySecure(
            header.stateRoot(),
            Address.fromHex(address).bytes(),
            nodes(proof.path("accountProof")));
    assertThat(account).isInstanceOf(ProofResult.Found.class);
    assertThat(Account.decode(((ProofResult.Found) account).value()))
        .isEqualTo(Account.of(0, io.paraseq.protocol.tx.Wei.of(DEV_BALANCE)));

    JsonNode slots = proof.path("storageProof");
    assertThat(slots.size()).isEqualTo(2);
    assertThat(slots.get(0).path("key").asString()).isEqualTo("0x0");
    assertThat(slots.get(1).path("key").asString()).isEqualTo("0x" + "00".repeat(31) + "07");
    for (JsonNode slot : slots) {
      assertThat(slot.path("value").asString()).isEqualTo("0x0");
      assertThat(
              ProofVerifier.verifySecure(
                  MerkleTrie.EMPTY_ROOT, Hash.ZERO.bytes(), nodes(slot.path("proof"))))
          .isInstanceOf(ProofResult.Absent.class);
    }

    JsonNode absent = rpc.result("eth_getProof", "[\"" + EMPTY + "\", [], \"latest\"]");
    assertThat(absent.path("balance").asString()).isEqualTo("0x0");
    assertThat(
            ProofVerifier.verifySecure(
                head.current().stateRoot(),
                Address.fromHex(EMPTY).bytes(),
                nodes(absent.path("accountProof"))))
        .isInstanceOf(ProofResult.Absent.class);
  }

  @Test
  void codeAndStorageOfAnAccountWithout() {
    String address = DevAccounts.credentials(6).getAddress();
    assertThat(rpc.result("eth_getCode", "[\"" + address + "\", \"latest\"]").asString())
        .isEqualTo("0x");
    assertThat(
            rpc.result("eth_getStorageAt", "[\"" + address + "\", \"0x0\", \"latest\"]").asString())
        .isEqualTo(ZERO_WORD);
    assertThat(
            rpc.result(
                    "eth_getStorageAt", "[\"" + address + "\", \"" + ZERO_WORD + "\", \"pending\"]")
                .asString())
        .isEqualTo(ZERO_WORD);
    rpc.assertError(
        "eth_getStorageAt",
        "[\"" + address + "\", \"0xzz\", \"latest\"]",
        -32000,
        "unable to decode storage key: hex string invalid");
  }

  @Test
  void blocksWithoutStateAreRefused() throws Exception {
    Credentials sender = DevAccounts.credentials(4);
    sent(Web3jTransactions.transfer(sender, 0));
    awaitNonce(sender.getAddress(), 1);
    long headNumber = head.current().number();
    assertThat(headNumber).isPositive();
    String address = sender.getAddress();
    String historical =
        "historical state not available: the node keeps the state of the head block \\d+ only";
    byte[] genesisHash =
        jdbc.queryForObject("SELECT hash FROM blocks WHERE number = 0", byte[].class);

    for (String block :
        List.of(
            "\"0x0\"",
            "\"earliest\"",
            "\"safe\"",
            "\"finalized\"",
            "{\"blockHash\": \"" + Bytes.of(genesisHash).toHex() + "\"}")) {
      assertThat(rpc.error("eth_getBalance", "[\"" + address + "\", " + block + "]").asString())
          .as(block)
          .matches(historical);
    }
    assertThat(rpc.error("eth_getProof", "[\"" + address + "\", [], \"0x0\"]").asString())
        .matches(historical);
    assertThat(
            rpc.error("eth_call", "[" + callObject(address, EMPTY, "") + ", \"0x0\"]").asString())
        .matches(historical);
    for (String block :
        List.of(
            "\"" + HexCodec.quantity(headNumber + 1_000) + "\"",
            "\"" + Hash.keccak(Bytes.of((byte) 1)) + "\"")) {
      rpc.assertError(
          "eth_getTransactionCount",
          "[\"" + address + "\", " + block + "]",
          -32000,
          "header not found");
    }
    assertThat(
            web3j
                .ethGetBalance(
                    address, DefaultBlockParameter.valueOf(BigInteger.valueOf(headNumber)))
                .send()
                .getBalance())
        .isEqualTo(balance(address));
  }

  // ---- helpers ----

  private String sent(String raw) {
    EthSendTransaction sent = Web3jTransactions.send(web3j, raw);
    assertThat(sent.hasError()).as("%s", sent.getError()).isFalse();
    return sent.getTransactionHash();
  }

  private BigInteger balance(String address) throws Exception {
    return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private long nonce(String address, DefaultBlockParameterName block) throws Exception {
    return web3j
        .ethGetTransactionCount(address, block)
        .send()
        .getTransactionCount()
        .longValueExact();
  }

  private void awaitNonce(String address, long nonce) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (nonce(address, DefaultBlockParameterName.LATEST) < nonce) {
      assertThat(System.nanoTime()).as("nonce %d of %s", nonce, address).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Polls {@code eth_getTransactionReceipt} (web3j) until the receipt appears. */
  private TransactionReceipt awaitReceipt(String hash) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Optional<TransactionReceipt> receipt =
          web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        assertThat(receipt.get().isStatusOK()).as("status of %s", hash).isTrue();
        assertThat(receipt.get().getTransactionHash()).isEqualTo(hash);
        return receipt.get();
      }
      assertThat(System.nanoTime()).as("receipt of %s", hash).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** The block of {@code receipt}, which lists the transaction. */
  private EthBlock.Block blockOf(TransactionReceipt receipt) throws Exception {
    EthBlock.Block block = web3j.ethGetBlockByHash(receipt.getBlockHash(), false).send().getBlock();
    assertThat(block.getNumber()).isEqualTo(receipt.getBlockNumber());
    assertThat(block.getTransactions())
        .extracting(tx -> (String) tx.get())
        .contains(receipt.getTransactionHash());
    return block;
  }

  /** Balance = 10,000 ETH − (1 wei + gasUsed × effectiveGasPrice), both from the receipt. */
  private void assertPaid(Credentials sender, TransactionReceipt receipt, long gas)
      throws Exception {
    assertThat(receipt.getGasUsed()).isEqualTo(BigInteger.valueOf(gas));
    assertThat(receipt.getFrom()).isEqualToIgnoringCase(sender.getAddress());
    blockOf(receipt);
    assertThat(balance(sender.getAddress()))
        .isEqualTo(
            DEV_BALANCE
                .subtract(BigInteger.ONE)
                .subtract(gasPrice(receipt).multiply(BigInteger.valueOf(gas))));
  }

  private static BigInteger gasPrice(TransactionReceipt receipt) {
    return Numeric.decodeQuantity(receipt.getEffectiveGasPrice());
  }

  private static String call(String from, String to, String fields) {
    return "[" + callObject(from, to, fields) + "]";
  }

  private static String callObject(String from, String to, String fields) {
    return "{\"from\": \""
        + from
        + "\", \"to\": \""
        + to
        + "\""
        + (fields.isEmpty() ? "" : ", " + fields)
        + "}";
  }

  private static List<Bytes> nodes(JsonNode hexes) {
    return hexes.valueStream().map(node -> Bytes.fromHex(node.asString())).toList();
  }
}
