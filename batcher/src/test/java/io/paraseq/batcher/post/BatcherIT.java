package io.paraseq.batcher.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.batcher.build.SealedBlock;
import io.paraseq.batcher.l1.L1Tx;
import io.paraseq.batcher.l1.RollupCalls;
import io.paraseq.batcher.l1.SteppedClock;
import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.RollupDeployer;
import io.paraseq.contracts.generated.Rollup;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchDecoder;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;

/**
 * The batcher against a real anvil and a real PostgreSQL, with blocks from an in-memory chain:
 * batches 0..k on L1 with linked roots and calldata that decodes to the blocks, confirmation and
 * finality, a restart between send and confirmation, a crash between storing a batch and submitting
 * it, an L1 reorg of the inclusion block, a reverted appendBatch, and a mismatch with L1 at start.
 */
class BatcherIT {

  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.create();
  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  static final Duration CHALLENGE = Duration.ofSeconds(120);
  static final long T0 = 1_800_000_000L;
  static final BatcherConfig CONFIG =
      new BatcherConfig(120_000, 10, Duration.ofSeconds(10), Duration.ofSeconds(1));

  final Credentials sequencer = anvil.credentials(1);
  final SteppedClock clock = new SteppedClock(Instant.ofEpochSecond(T0));
  MemoryBlocks chain;
  Address rollup;
  BatcherRig rig;

  @BeforeEach
  void freshRollupAndTables() throws SQLException {
    anvil.setAutomine(true);
    try (Connection c = db.connect()) {
      c.createStatement()
          .execute(
              "TRUNCATE batch_events, batches, l1_tx_events, l1_tx_attempts, l1_transactions,"
                  + " address_registry");
    }
    chain = new MemoryBlocks(11);
    rollup = deploy(MemoryBlocks.root(0));
    rig = rig();
  }

  @AfterEach
  void close() {
    rig.close();
    anvil.setAutomine(true);
  }

  @Test
  void postsEveryBlockInLinkedBatchesWhoseCalldataDecodesToTheBlocks() {
    for (int i = 0; i < 25; i++) {
      chain.seal(T0 + i / 4, 1 + i % 5, i % 3 == 0 ? 40 : 0);
    }
    clock.advance(Duration.ofSeconds(30));
    rig.tick(1);
    assertThat(rig.store.open()).extracting(StoredBatch::seq).containsExactly(0L, 1L, 2L);
    rig.tick(2);
    anvil.mine(3);
    rig.tick(1);

    assertThat(rig.store.open()).isEmpty();
    assertThat(rig.progress.confirmedThrough()).isEqualTo(25);
    assertThat(rig.progress.finalizedThrough()).isZero();
    List<L1Batches.Appended> events = L1Batches.appended(anvil.web3j(), rollup);
    assertThat(events).extracting(L1Batches.Appended::seq).containsExactly(0L, 1L, 2L);
    long nextBlock = 1;
    Hash prevRoot = MemoryBlocks.root(0);
    AddressRegistry fromL1 = AddressRegistry.empty();
    for (L1Batches.Appended event : events) {
      StoredBatch stored = rig.store.find(event.seq()).orElseThrow();
      assertThat(stored.status()).isEqualTo(BatchStatus.CONFIRMED);
      assertThat(stored.placement().orElseThrow().txHash()).isEqualTo(event.txHash());
      L1Batches.PostedBatch posted = L1Batches.posted(anvil.web3j(), event.txHash());
      assertThat(posted.seq()).isEqualTo(event.seq());
      assertThat(posted.prevStateRoot()).isEqualTo(prevRoot).isEqualTo(event.prevStateRoot());
      assertThat(posted.firstBlock()).isEqualTo(nextBlock);
      assertThat(posted.newStateRoot()).isEqualTo(MemoryBlocks.root(posted.lastBlock()));
      DecodedBatch decoded =
          BatchDecoder.decode(posted.data(), MemoryBlocks.CHAIN, fromL1).orElseThrow();
      assertThat(decoded.version()).isEqualTo(BatchVersion.V2);
      fromL1.append(decoded.registryAppends());
      for (int i = 0; i < decoded.blocks().size(); i++) {
        SealedBlock block = chain.block(posted.firstBlock() + i);
        assertThat(decoded.blocks().get(i).number()).isEqualTo(block.number());
        assertThat(decoded.blocks().get(i).transactions()).isEqualTo(block.transactions());
      }
      assertThat(posted.firstBlock() + decoded.blocks().size() - 1).isEqualTo(posted.lastBlock());
      nextBlock = posted.lastBlock() + 1;
      prevRoot = posted.newStateRoot();
    }
    assertThat(nextBlock).isEqualTo(26);
    assertThat(rig.store.loadRegistry().entriesFrom(0))
        .as("the stored registry is the one rebuilt from L1")
        .isEqualTo(fromL1.entriesFrom(0))
        .isNotEmpty();
    assertThat(rig.rollup.state().nextSeq()).isEqualTo(3);
    assertThat(rig.counter("paraseq.batcher.batches", "status", "confirmed")).isEqualTo(3);
    assertThat(rig.counter("paraseq.batcher.bytes.posted")).isPositive();
    assertThat(rig.counter("paraseq.batcher.transactions.posted"))
        .isEqualTo(
            chain.range(1, 25, Long.MAX_VALUE).stream()
                .mapToInt(b -> b.transactions().size())
                .sum());
    assertThat(rig.counter("paraseq.l1tx.gas.used")).isPositive();
    assertThat(rig.gauge("paraseq.batcher.lag.blocks")).isZero();

    anvil.increaseTime(CHALLENGE);
    rig.tick(1);
    assertThat(rig.progress.finalizedThrough()).isEqualTo(25);
    assertThat(rig.store.history(0))
        .extracting(BatchEvent::status)
        .containsExactly("built", "sent", "included", "confirmed", "finalized");
  }

  @Test
  void aRestartBetweenSendAndConfirmationNeitherRepeatsNorSkipsABatch() {
    anvil.setAutomine(false);
    sealAged(5);
    rig.tick(2);
    assertThat(rig.store.find(0).orElseThrow().status()).isEqualTo(BatchStatus.SENT);
    rig.close();

    sealAged(3);
    rig = rig();
    rig.tick(1); // reconciles: nextSeq 0, batch 0 is the manager's; builds batch 1
    assertThat(rig.store.open()).extracting(StoredBatch::seq).containsExactly(0L, 1L);
    anvil.mine(1);
    rig.tick(2);
    anvil.mine(3);
    rig.tick(2);
    rig.close();

    rig = rig(); // and once more, after confirmation
    rig.tick(2);
    assertThat(rig.store.open()).isEmpty();
    assertThat(L1Batches.appended(anvil.web3j(), rollup))
        .extracting(L1Batches.Appended::seq)
        .containsExactly(0L, 1L);
    assertThat(rig.rollup.state().nextSeq()).isEqualTo(2);
    assertThat(rig.manager.find(StoredBatch.intentId(0)).orElseThrow().attempts()).hasSize(1);
    assertThat(rig.progress.confirmedThrough()).isEqualTo(8);
  }

  @Test
  void aRestartWithBatchesButNoRegistryRowsRebuildsTheRegistryFromTheStoredBatches()
      throws SQLException {
    for (int i = 0; i < 12; i++) {
      chain.seal(T0 + i / 4, 1 + i % 3, 0);
    }
    clock.advance(Duration.ofSeconds(30));
    rig.tick(1);
    assertThat(rig.store.open()).hasSizeGreaterThan(1);
    var built = rig.store.loadRegistry().entriesFrom(0);
    assertThat(built).isNotEmpty();
    rig.close();
    try (Connection c = db.connect()) {
      c.createStatement().execute("DELETE FROM address_registry"); // as before migration V10
    }

    rig = rig();
    assertThat(rig.store.loadRegistry().entriesFrom(0)).isEqualTo(built);
    for (int i = 0; i < 4; i++) {
      chain.seal(T0 + 40 + i, 2, 0);
    }
    clock.advance(Duration.ofSeconds(60));
    rig.tick(2);
    anvil.mine(3);
    rig.tick(2);
    assertThat(rig.batcher.halted()).isEmpty();
    AddressRegistry fromL1 = AddressRegistry.empty();
    for (L1Batches.Appended event : L1Batches.appended(anvil.web3j(), rollup)) {
      DecodedBatch decoded =
          BatchDecoder.decode(
                  L1Batches.posted(anvil.web3j(), event.txHash()).data(),
                  MemoryBlocks.CHAIN,
                  fromL1)
              .orElseThrow();
      fromL1.append(decoded.registryAppends());
    }
    assertThat(rig.store.loadRegistry().entriesFrom(0)).isEqualTo(fromL1.entriesFrom(0));
  }

  @Test
  void aBatchStoredButNeverSubmittedIsSubmittedWithTheSameBytesAfterARestart() {
    sealAged(4);
    var builder =
        new io.paraseq.batcher.build.BatchBuilder(
            chain,
            new io.paraseq.batcher.build.BatchEncoding(MemoryBlocks.CHAIN),
            CONFIG.maxBytes(),
            CONFIG.maxBlocks(),
            List.of(new io.paraseq.batcher.build.MaxAgeRule(CONFIG.maxAge())));
    var built =
        builder
            .next(0, MemoryBlocks.root(0), 1, clock.instant(), AddressRegistry.empty())
            .orElseThrow();
    rig.store.insert(built, 0, clock.instant()); // the crash: stored, not submitted

    rig.tick(1);
    L1Tx intent = rig.manager.find(StoredBatch.intentId(0)).orElseThrow();
    assertThat(intent.calldata()).isEqualTo(RollupCalls.appendBatch(built.header(), built.data()));
    rig.tick(2);
    anvil.mine(3);
    rig.tick(1);
    assertThat(rig.store.find(0).orElseThrow().status()).isEqualTo(BatchStatus.CONFIRMED);
    assertThat(L1Batches.appended(anvil.web3j(), rollup))
        .extracting(L1Batches.Appended::seq)
        .containsExactly(0L);
  }

  @Test
  void anL1ReorgOfTheInclusionBlockPostsTheSameSeqAgainAndCorrectsTheStatus() {
    sealAged(3);
    rig.tick(3);
    StoredBatch included = rig.store.find(0).orElseThrow();
    assertThat(included.status()).isEqualTo(BatchStatus.INCLUDED);
    L1Placement first = included.placement().orElseThrow();
    long head = rig.l1.latestBlock().number();

    anvil.rpc("anvil_reorg", List.of(head - first.block() + 1, List.of()));
    rig.tick(3);
    anvil.mine(3);
    rig.tick(2);

    StoredBatch after = rig.store.find(0).orElseThrow();
    assertThat(after.status()).isEqualTo(BatchStatus.CONFIRMED);
    assertThat(after.placement().orElseThrow().blockHash()).isNotEqualTo(first.blockHash());
    assertThat(rig.store.history(0))
        .extracting(BatchEvent::status)
        .containsSubsequence("included", "reorged", "included", "confirmed");
    assertThat(rig.counter("paraseq.batcher.batches", "status", "reorged")).isEqualTo(1);
    assertThat(rig.manager.find(StoredBatch.intentId(0)).orElseThrow().attempts()).hasSize(1);
    assertThat(L1Batches.appended(anvil.web3j(), rollup))
        .extracting(L1Batches.Appended::seq)
        .containsExactly(0L);
    assertThat(rig.rollup.state().nextSeq()).isEqualTo(1);
  }

  @Test
  void aRevertedAppendBatchHaltsPosting() throws Exception {
    rig.tick(1); // reconciled at nextSeq 0
    Credentials other = anvil.credentials(2);
    Rollup asOwner =
        Rollup.load(
            rollup.toLowerHex(),
            anvil.web3j(),
            anvil.transactionManager(anvil.credentials(0)),
            anvil.gasProvider());
    asOwner.addSequencer(other.getAddress()).send();
    Rollup.load(
            rollup.toLowerHex(),
            anvil.web3j(),
            anvil.transactionManager(other),
            anvil.gasProvider())
        .appendBatch(
            BigInteger.ZERO,
            MemoryBlocks.root(0).bytes().toArray(),
            MemoryBlocks.root(99).bytes().toArray(),
            BigInteger.ONE,
            BigInteger.ONE,
            BigInteger.ZERO,
            new byte[] {1, 0})
        .send();

    sealAged(2);
    rig.tick(3);
    assertThat(rig.batcher.halted()).isPresent();
    assertThat(rig.batcher.halted().get()).contains("batch 0 reverted");
    assertThat(rig.store.find(0).orElseThrow().status()).isEqualTo(BatchStatus.REVERTED);
    assertThat(rig.gauge("paraseq.batcher.halted")).isEqualTo(1);
    double sent = rig.counter("paraseq.l1tx.sent");
    sealAged(20);
    rig.tick(3);
    assertThat(rig.counter("paraseq.l1tx.sent")).as("nothing more is sent").isEqualTo(sent);
    assertThat(rig.store.latest().orElseThrow().seq()).isZero();
  }

  @Test
  void storedBatchesThatL1DoesNotHaveHaltTheBatcherAtStart() {
    sealAged(3);
    rig.tick(3);
    anvil.mine(3);
    rig.tick(1);
    assertThat(rig.store.find(0).orElseThrow().status()).isEqualTo(BatchStatus.CONFIRMED);
    rig.close();

    rollup = deploy(MemoryBlocks.root(0)); // another L1 contract, without the batch
    rig = rig();
    rig.tick(2);
    assertThat(rig.batcher.halted().orElseThrow()).contains("L1 lost it");
    assertThat(rig.manager.find(StoredBatch.intentId(1))).isEmpty();
  }

  @Test
  void aRollupWithAnotherGenesisRootHaltsTheBatcherAtStart() {
    rig.close();
    rollup = deploy(MemoryBlocks.root(77));
    rig = rig();
    rig.tick(1);
    assertThat(rig.batcher.halted().orElseThrow()).contains("genesis root");
  }

  private void sealAged(int blocks) {
    long at = clock.instant().getEpochSecond();
    for (int i = 0; i < blocks; i++) {
      chain.seal(at, 2, 0);
    }
    clock.advance(CONFIG.maxAge());
  }

  private BatcherRig rig() {
    return new BatcherRig(anvil, db, sequencer, rollup, chain, CONFIG, clock);
  }

  private Address deploy(Hash genesisRoot) {
    Credentials owner = anvil.credentials(0);
    Deployment deployment =
        RollupDeployer.deploy(
            anvil.web3j(),
            owner,
            owner.getAddress(),
            sequencer.getAddress(),
            genesisRoot.bytes().toArray(),
            CHALLENGE,
            Duration.ofSeconds(30));
    return Address.fromHex(deployment.rollup());
  }
}
