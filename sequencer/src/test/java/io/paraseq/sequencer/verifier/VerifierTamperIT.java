package io.paraseq.sequencer.verifier;

import static io.paraseq.sequencer.verifier.MixedTransactions.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.build.BatchEncoding;
import io.paraseq.batcher.build.EncodedBatch;
import io.paraseq.batcher.build.SealedBlock;
import io.paraseq.batcher.derive.DerivationError;
import io.paraseq.batcher.derive.DerivationFailure;
import io.paraseq.batcher.derive.MismatchLocation;
import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.generated.Rollup;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.batch.BatchEncoder;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.batcher.DevRollup;
import io.paraseq.sequencer.batcher.NodeBlocks;
import io.paraseq.sequencer.chain.ChainHead;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Batches tampered with by the test, posted with the sequencer key straight through the Rollup
 * wrapper (the node's own batcher is off): a wrong new state root, truncated (undecodable) data,
 * well-formed data whose block replays a transaction, and one block mid-batch that executes
 * differently (located exactly with the sequencer as the verifier's reference node). Each goes to
 * its own Rollup, followed by its own verifier (a second application in the verifier role, its own
 * schema), against a real anvil and PostgreSQL: the verifier verifies what is right, stops at the
 * tampered batch, names the batch and the first block it can show differs (log line, {@code
 * paraseq.verifier.mismatch}, health DOWN), and keeps serving reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class VerifierTamperIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final PostgresFixture rootDb = PostgresFixture.freshSchema();
  @RegisterExtension static final PostgresFixture dataDb = PostgresFixture.freshSchema();
  @RegisterExtension static final PostgresFixture replayDb = PostgresFixture.freshSchema();
  @RegisterExtension static final PostgresFixture locateDb = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  static final ChainId CHAIN = ChainId.of(3195);
  static final Hash GENESIS = DevRollup.GENESIS;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
  }

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ChainHead head;

  Web3j sequencer;
  List<SealedBlock> blocks;

  @BeforeEach
  void produceBlocks() throws Exception {
    sequencer = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    if (head.current().number() == 0) {
      for (int round = 0; round < 3; round++) {
        List<String> hashes = MixedTransactions.send(sequencer, CHAIN, round * 2, round * 2 + 2);
        waitFor(
            "round " + round + " included",
            Duration.ofSeconds(30),
            () -> hashes.stream().allMatch(this::included));
      }
    }
    blocks = NodeBlocks.of(dataSource, head).range(1, head.current().number(), Long.MAX_VALUE);
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
  }

  @AfterEach
  void close() {
    sequencer.shutdown();
  }

  @Test
  void aWrongStateRootIsDetectedAtTheBatchsLastBlock(CapturedOutput output) throws Exception {
    Rollup rollup = deploy();
    int split = blocks.size() / 2;
    List<SealedBlock> first = blocks.subList(0, split);
    List<SealedBlock> second = blocks.subList(split, blocks.size());
    EncodedBatch one = new BatchEncoding(CHAIN).encode(first, AddressRegistry.empty());
    post(rollup, 0, GENESIS, first.getLast().stateRoot(), first, one.data());
    Hash wrong = Hash.keccak(Bytes.of("not the state root".getBytes(StandardCharsets.US_ASCII)));
    // batch 1 is encoded against the registry batch 0 built, as the batcher does
    Bytes two =
        new BatchEncoding(CHAIN).encode(second, AddressRegistry.of(one.registryAppends())).data();
    post(rollup, 1, first.getLast().stateRoot(), wrong, second, two);
    long lastBlock = second.getLast().number();

    try (VerifierNode verifier = startVerifier(rollup, rootDb)) {
      DerivationFailure failure = awaitMismatch(verifier);
      assertThat(failure.reason()).isEqualTo(DerivationError.STATE_ROOT_MISMATCH);
      assertThat(failure.seq()).isEqualTo(1);
      assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(lastBlock));
      assertThat(verifier.verifier().cursor().nextSeq()).isEqualTo(1);
      assertThat(verifier.verifier().cursor().lastBlock()).isEqualTo(first.getLast().number());
      assertThat(verifier.gauge("paraseq.verifier.mismatch")).isEqualTo(1.0);
      assertThat(healthStatus(verifier)).isEqualTo(503);
      assertThat(output.getAll())
          .contains(
              "verifier MISMATCH, following stopped: seq=1 first_differing_block="
                  + lastBlock
                  + " reason=STATE_ROOT_MISMATCH")
          // Without a reference node the line gives the batch's range.
          .contains(
              "the first differing block is in ["
                  + second.getFirst().number()
                  + ", "
                  + lastBlock
                  + "]: no reference node is set; paraseq.verifier.reference-rpc");
      assertThat(failure.location()).containsInstanceOf(MismatchLocation.Unlocated.class);
      assertThat(verifier.gauge("paraseq.verifier.first.differing.block")).isEqualTo(lastBlock);
      // Reads still answer: the verifier's own execution of the blocks, whose root is the
      // sequencer's (the posted root was the lie).
      var block = verifier.rpc().ethGetBlockByNumber(param(lastBlock), false).send().getBlock();
      assertThat(Hash.fromHex(block.getStateRoot())).isEqualTo(second.getLast().stateRoot());

      // A later batch on top of the wrong root is not followed.
      post(rollup, 2, wrong, wrong, List.of(), Bytes.of(new byte[] {1, 2, 3}));
      Thread.sleep(1_000);
      assertThat(verifier.verifier().cursor().nextSeq()).isEqualTo(1);
    }
  }

  /**
   * One block in the middle of a batch executes differently on the verifier: the batch carries, for
   * that block only, another L1 base fee than the sequencer sealed it with (the posted state root
   * is the sequencer's, honest). Its transactions then pay another L1 data fee on the verifier, so
   * its state root, and every later one, differ, while the blocks before it agree. With the
   * sequencer as its reference node the verifier names exactly that block.
   */
  @Test
  void aReferenceNodeLocatesTheFirstDifferingBlockInsideTheBatch(CapturedOutput output)
      throws Exception {
    long last = blocks.getLast().number();
    // The block with transactions nearest the middle of the batch, neither its first nor its last.
    SealedBlock target =
        blocks.stream()
            .filter(b -> b.number() > 1 && b.number() < last && !b.transactions().isEmpty())
            .min(Comparator.comparingLong(b -> Math.abs(2 * b.number() - (last + 1))))
            .orElseThrow(() -> new AssertionError("no block with transactions mid-batch"));
    List<BatchBlock> tampered = new ArrayList<>();
    for (SealedBlock block : blocks) {
      Wei l1BaseFee =
          block.number() == target.number()
              ? Wei.of(block.l1BaseFee().value().add(BigInteger.valueOf(7_000_000_000L)))
              : block.l1BaseFee();
      tampered.add(
          new BatchBlock(block.number(), block.timestamp(), 0, l1BaseFee, block.transactions()));
    }
    Rollup rollup = deploy();
    post(
        rollup,
        0,
        GENESIS,
        blocks.getLast().stateRoot(),
        blocks,
        BatchEncoder.encodeV0(tampered, Codec.ZSTD, 3));

    String reference = "http://127.0.0.1:" + port + "/";
    try (VerifierNode verifier =
        startVerifier(rollup, locateDb, Map.of("paraseq.verifier.reference-rpc", reference))) {
      DerivationFailure failure = awaitMismatch(verifier);
      assertThat(failure.reason()).isEqualTo(DerivationError.STATE_ROOT_MISMATCH);
      assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(target.number()));
      MismatchLocation.Located located =
          (MismatchLocation.Located) failure.location().orElseThrow();
      assertThat(located.block()).isEqualTo(target.number());
      assertThat(located.referenceRoot()).isEqualTo(target.stateRoot());
      assertThat(located.derivedRoot()).isNotEqualTo(target.stateRoot());
      assertThat(located.reference()).isEqualTo(reference);
      assertThat(verifier.gauge("paraseq.verifier.first.differing.block"))
          .isEqualTo(target.number());
      assertThat(output.getAll())
          .contains(
              "verifier MISMATCH, following stopped: seq=0 first_differing_block="
                  + target.number()
                  + " reason=STATE_ROOT_MISMATCH")
          .contains(
              "first block differing from the reference " + reference + ": " + target.number());
      assertThat(healthStatus(verifier)).isEqualTo(503);
      // The blocks before the target are the sequencer's, block for block.
      for (SealedBlock block : blocks.subList(0, (int) target.number() - 1)) {
        var mine = verifier.rpc().ethGetBlockByNumber(param(block.number()), false).send();
        assertThat(Hash.fromHex(mine.getBlock().getStateRoot())).isEqualTo(block.stateRoot());
      }
    }
  }

  @Test
  void truncatedDataIsDetectedAtTheBatchsFirstBlock() throws Exception {
    Rollup rollup = deploy();
    Bytes data = encode(blocks);
    Bytes truncated = data.slice(0, data.length() - 8);
    post(rollup, 0, GENESIS, blocks.getLast().stateRoot(), blocks, truncated);

    try (VerifierNode verifier = startVerifier(rollup, dataDb)) {
      DerivationFailure failure = awaitMismatch(verifier);
      assertThat(failure.reason()).isEqualTo(DerivationError.UNDECODABLE_DATA);
      assertThat(failure.seq()).isZero();
      assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(1));
      assertThat(verifier.verifier().cursor().nextSeq()).isZero();
      assertThat(verifier.rpc().ethBlockNumber().send().getBlockNumber()).isZero();
      assertThat(verifier.gauge("paraseq.verifier.mismatch")).isEqualTo(1.0);
    }
  }

  @Test
  void aReplayedTransactionMakesItsBlockInvalid() throws Exception {
    Rollup rollup = deploy();
    List<BatchBlock> tampered = new ArrayList<>();
    for (SealedBlock block : blocks) {
      List<Bytes> txs = new ArrayList<>(block.transactions());
      if (block.number() == 2) {
        txs.add(blocks.getFirst().transactions().getFirst());
      }
      tampered.add(new BatchBlock(block.number(), block.timestamp(), 0, block.l1BaseFee(), txs));
    }
    Bytes data = BatchEncoder.encodeV0(tampered, Codec.ZSTD, 3);
    post(rollup, 0, GENESIS, blocks.getLast().stateRoot(), blocks, data);

    try (VerifierNode verifier = startVerifier(rollup, replayDb)) {
      DerivationFailure failure = awaitMismatch(verifier);
      assertThat(failure.reason()).isEqualTo(DerivationError.INVALID_BLOCK);
      assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(2));
      assertThat(failure.detail()).contains("NONCE_MISMATCH");
      // Block 1 was imported before the invalid block 2 stopped it; nothing after.
      assertThat(verifier.rpc().ethBlockNumber().send().getBlockNumber()).isEqualTo(1);
    }
  }

  private Rollup deploy() {
    Deployment deployment = DevRollup.deploy(anvil, 0);
    return Rollup.load(
        deployment.rollup(),
        anvil.web3j(),
        anvil.transactionManager(anvil.credentials(0)),
        anvil.gasProvider());
  }

  private VerifierNode startVerifier(Rollup rollup, PostgresFixture schema) throws IOException {
    return startVerifier(rollup, schema, Map.of());
  }

  private VerifierNode startVerifier(
      Rollup rollup, PostgresFixture schema, Map<String, Object> extra) throws IOException {
    long genesisTimestamp =
        sequencer
            .ethGetBlockByNumber(param(0), false)
            .send()
            .getBlock()
            .getTimestamp()
            .longValueExact();
    Map<String, Object> properties =
        new HashMap<>(
            Map.of(
                "spring.datasource.url", schema.jdbcUrl(),
                "paraseq.db.schema", schema.schema(),
                "paraseq.l1.rpc-url", anvil.rpcUrl(),
                "paraseq.l1.rollup-address", rollup.getContractAddress(),
                "paraseq.genesis.timestamp", genesisTimestamp));
    properties.putAll(extra);
    return VerifierNode.start(properties);
  }

  private static DerivationFailure awaitMismatch(VerifierNode verifier)
      throws InterruptedException {
    waitFor(
        "the verifier reports a mismatch",
        Duration.ofSeconds(60),
        () -> verifier.verifier().mismatch().isPresent());
    return verifier.verifier().mismatch().orElseThrow();
  }

  private static Bytes encode(List<SealedBlock> blocks) {
    EncodedBatch encoded = new BatchEncoding(CHAIN).encode(blocks, AddressRegistry.empty());
    return encoded.data();
  }

  private static void post(
      Rollup rollup, long seq, Hash prevRoot, Hash newRoot, List<SealedBlock> range, Bytes data)
      throws Exception {
    long firstBlock =
        range.isEmpty() ? rollup.nextBlock().send().longValueExact() : range.getFirst().number();
    long lastBlock = range.isEmpty() ? firstBlock : range.getLast().number();
    var receipt =
        rollup
            .appendBatch(
                BigInteger.valueOf(seq),
                prevRoot.bytes().toArray(),
                newRoot.bytes().toArray(),
                BigInteger.valueOf(firstBlock),
                BigInteger.valueOf(lastBlock),
                BigInteger.ZERO,
                data.toArray())
            .send();
    assertThat(receipt.isStatusOK()).isTrue();
  }

  private static org.web3j.protocol.core.DefaultBlockParameter param(long number) {
    return org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
  }

  private static int healthStatus(VerifierNode verifier) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + verifier.port() + "/actuator/health"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).contains("STATE_ROOT_MISMATCH");
      return response.statusCode();
    }
  }

  private boolean included(String hash) {
    try {
      return sequencer.ethGetTransactionReceipt(hash).send().getTransactionReceipt().isPresent();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
