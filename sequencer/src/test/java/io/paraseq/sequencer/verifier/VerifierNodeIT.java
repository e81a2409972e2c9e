package io.paraseq.sequencer.verifier;

import static io.paraseq.sequencer.verifier.MixedTransactions.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.post.Batcher;
import io.paraseq.batcher.post.L1Batches;
import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchDecoder;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.chain.DevnetPrograms;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.batcher.DevRollup;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;

/**
 * A sequencer with its batcher (this test's application) and a verifier (a second application in
 * the verifier role, its own schema), against a real anvil (a block every second) and a real
 * PostgreSQL: 1,000 mixed transactions go through the sequencer, every block reaches L1 in batches,
 * and the verifier, reading only L1, reaches the same head with the same block hash and state root;
 * its read-only JSON-RPC answers the sequencer's balances, token balances and nonces (the L1 data
 * fees charged at each block's L1 base fee included), and refuses transactions; restarted, it
 * resumes at its cursor. The batches are format v2: the second and later ones reference the senders
 * the first registered (the address registry), and the verifier's registry, rebuilt from L1 and
 * persisted with its cursor, is the sequencer's, before and after the restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifierNodeIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final PostgresFixture verifierDb = PostgresFixture.freshSchema();

  @RegisterExtension
  static final AnvilFixture anvil = AnvilFixture.start(List.of("--block-time", "1"));

  static final ChainId CHAIN = ChainId.of(3195);
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
    // Blocks carry anvil's base fee as their L1 base fee: the verifier must charge the same
    // L1 data fees from the batches.
    registry.add("paraseq.l1-fee.enabled", () -> "true");
    registry.add("paraseq.l1-fee.poll-interval", () -> "500ms");
  }

  @LocalServerPort int port;
  @Autowired Batcher batcher;
  @Autowired JdbcTemplate jdbc;

  Web3j sequencer;
  VerifierNode verifier;

  @BeforeEach
  void start() throws IOException {
    sequencer = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    verifier = startVerifier();
  }

  private VerifierNode startVerifier() throws IOException {
    long genesisTimestamp = block(sequencer, 0).getTimestamp().longValueExact();
    return VerifierNode.start(
        Map.of(
            "spring.datasource.url", verifierDb.jdbcUrl(),
            "paraseq.db.schema", verifierDb.schema(),
            "paraseq.l1.rpc-url", anvil.rpcUrl(),
            "paraseq.l1.chain-id", AnvilFixture.CHAIN_ID,
            "paraseq.l1.rollup-address", deployment.rollup(),
            "paraseq.genesis.timestamp", genesisTimestamp,
            "paraseq.verifier.start-l1-block", deployment.deployBlock()));
  }

  @AfterEach
  void stop() {
    verifier.close();
    sequencer.shutdown();
  }

  @Test
  void verifierReachesTheSequencersHeadAndStateFromL1Alone() throws Exception {
    List<String> hashes = MixedTransactions.send(sequencer, CHAIN, 100);
    assertThat(hashes).hasSize(1_000);
    waitFor(
        "all transactions included",
        Duration.ofSeconds(90),
        () -> hashes.stream().allMatch(this::included));
    long head = blockNumber(sequencer);

    waitFor(
        "the verifier reaches block " + head,
        Duration.ofSeconds(120),
        () -> verifier.verifier().cursor().lastBlock() >= head);
    assertThat(batcher.halted()).isEmpty();
    assertThat(verifier.verifier().mismatch()).isEmpty();
    assertThat(blockNumber(verifier.rpc())).isEqualTo(head);

    EthBlock.Block ours = block(sequencer, head);
    EthBlock.Block theirs = block(verifier.rpc(), head);
    assertThat(theirs.getHash()).isEqualTo(ours.getHash());
    assertThat(theirs.getStateRoot()).isEqualTo(ours.getStateRoot());
    assertThat(theirs.getTransactions()).hasSameSizeAs(ours.getTransactions());
    assertThat(block(verifier.rpc(), 1).getHash()).isEqualTo(block(sequencer, 1).getHash());
    assertThat(jdbc.queryForObject("SELECT max(l1_base_fee) FROM blocks", Long.class))
        .as("blocks with a non-zero L1 base fee")
        .isPositive();

    for (int s = 0; s < MixedTransactions.SENDERS; s++) {
      String account = MixedTransactions.account(s).toLowerHex();
      assertThat(balance(verifier.rpc(), account)).isEqualTo(balance(sequencer, account));
      assertThat(nonce(verifier.rpc(), account)).isEqualTo(nonce(sequencer, account));
      assertThat(tokenBalance(verifier.rpc(), account)).isEqualTo(tokenBalance(sequencer, account));
    }
    var receipt = verifier.rpc().ethGetTransactionReceipt(hashes.getLast()).send();
    assertThat(receipt.getTransactionReceipt()).isPresent();
    String reverting = hashes.get(5 * MixedTransactions.SENDERS); // sender 0, nonce 5
    assertThat(status(verifier.rpc(), reverting)).isEqualTo("0x0");
    assertThat(status(sequencer, reverting)).isEqualTo("0x0");
    assertThat(verifier.counter("paraseq.verifier.batches")).isPositive();
    assertThat(verifier.gauge("paraseq.verifier.mismatch")).isZero();

    assertRegistryReferencesAndSameRegistry();

    var refused = verifier.rpc().ethSendRawTransaction("0x02").send();
    assertThat(refused.hasError()).isTrue();
    assertThat(refused.getError().getMessage()).contains("not available on a verifier");

    // A restart on the same schema resumes at its cursor and follows the next batches.
    long verifiedSeqs = verifier.verifier().cursor().nextSeq();
    verifier.close();
    List<String> more = MixedTransactions.send(sequencer, CHAIN, 100, 102);
    waitFor(
        "the next transactions included",
        Duration.ofSeconds(60),
        () -> more.stream().allMatch(this::included));
    long newHead = blockNumber(sequencer);
    verifier = startVerifier();
    assertThat(verifier.verifier().cursor().nextSeq()).isGreaterThanOrEqualTo(verifiedSeqs);
    waitFor(
        "the restarted verifier reaches block " + newHead,
        Duration.ofSeconds(120),
        () -> verifier.verifier().cursor().lastBlock() >= newHead);
    assertThat(verifier.verifier().mismatch()).isEmpty();
    // Only the batches after the cursor were verified again, not those before the restart.
    assertThat(verifier.counter("paraseq.verifier.batches"))
        .isLessThanOrEqualTo(verifier.verifier().cursor().nextSeq() - verifiedSeqs);
    assertThat(block(verifier.rpc(), newHead).getHash())
        .isEqualTo(block(sequencer, newHead).getHash());
    assertThat(block(verifier.rpc(), newHead).getStateRoot())
        .isEqualTo(block(sequencer, newHead).getStateRoot());
    assertRegistryReferencesAndSameRegistry();
  }

  /**
   * Reads the batches the verifier verified from L1, in seq order, each decoded against the
   * registry of the ones before it: all are v2; a later batch claims senders that an earlier one
   * registered (so it carries registry references instead of their 20 bytes); the sequencer's and
   * the verifier's stored registries are that registry.
   */
  private void assertRegistryReferencesAndSameRegistry() {
    Address rollup = Address.fromHex(deployment.rollup());
    long verified = verifier.verifier().cursor().nextSeq();
    AddressRegistry registry = AddressRegistry.empty();
    int referencingBatches = 0;
    for (L1Batches.Appended event : L1Batches.appended(anvil.web3j(), rollup)) {
      if (event.seq() >= verified) {
        break;
      }
      Bytes data = L1Batches.posted(anvil.web3j(), event.txHash()).data();
      DecodedBatch decoded = BatchDecoder.decode(data, CHAIN, registry).orElseThrow();
      assertThat(decoded.version()).isEqualTo(BatchVersion.V2);
      if (decoded.claimedSenders().stream().anyMatch(registry::contains)) {
        referencingBatches++;
        assertThat(decoded.registryAppends())
            .as("batch %d registers no sender again", event.seq())
            .doesNotContainAnyElementsOf(registry.entriesFrom(0));
      }
      registry.append(decoded.registryAppends());
    }
    assertThat(verified).isGreaterThanOrEqualTo(2);
    assertThat(referencingBatches).as("batches with registry references").isPositive();
    assertThat(registryRows(verifier.jdbc(), "address_registry"))
        .as("the verifier's registry")
        .isEqualTo(registry.entriesFrom(0));
    List<Address> sequencerRegistry = registryRows(jdbc, "address_registry");
    assertThat(sequencerRegistry.subList(0, Math.min(sequencerRegistry.size(), registry.size())))
        .as("the sequencer's registry starts with the verifier's (it may have built more)")
        .isEqualTo(registry.entriesFrom(0));
  }

  private static List<Address> registryRows(JdbcTemplate db, String table) {
    return db.query(
        "SELECT address FROM " + table + " ORDER BY idx",
        (rs, i) -> Address.of(Bytes.of(rs.getBytes(1))));
  }

  private static String status(Web3j node, String hash) throws IOException {
    return node.ethGetTransactionReceipt(hash)
        .send()
        .getTransactionReceipt()
        .orElseThrow()
        .getStatus();
  }

  private boolean included(String hash) {
    try {
      return sequencer.ethGetTransactionReceipt(hash).send().getTransactionReceipt().isPresent();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EthBlock.Block block(Web3j node, long number) throws IOException {
    return node.ethGetBlockByNumber(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
        .send()
        .getBlock();
  }

  private static long blockNumber(Web3j node) throws IOException {
    return node.ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  private static BigInteger balance(Web3j node, String account) throws IOException {
    return node.ethGetBalance(account, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private static BigInteger nonce(Web3j node, String account) throws IOException {
    return node.ethGetTransactionCount(account, DefaultBlockParameterName.LATEST)
        .send()
        .getTransactionCount();
  }

  private static String tokenBalance(Web3j node, String account) throws IOException {
    String data =
        FunctionEncoder.encode(
            new Function(
                "balanceOf", List.of(new org.web3j.abi.datatypes.Address(account)), List.of()));
    return node.ethCall(
            Transaction.createEthCallTransaction(
                account, Address.fromHex(DevnetPrograms.TOKEN_A.toLowerHex()).toLowerHex(), data),
            DefaultBlockParameterName.LATEST)
        .send()
        .getValue();
  }
}
