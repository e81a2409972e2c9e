package io.paraseq.batcher.l1;

import static io.paraseq.batcher.l1.RollupOnAnvil.intent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;

/**
 * The transaction manager against a real anvil and a real PostgreSQL: batches posted with
 * appendBatch, confirmations, fee bumps, restarts of the manager, the node's refusals and reorgs.
 * Faults the healthy anvil cannot produce (a send that never arrives, an answer that is lost) come
 * from {@link FaultInjectingL1Client}, a wrapper around the real client.
 */
class L1TransactionManagerIT {

  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.create();
  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  static final Duration RESUBMIT = Duration.ofSeconds(60);
  static final L1TxConfig CONFIG = L1TxConfig.DEFAULTS.withResubmitTimeout(RESUBMIT);

  final Credentials sequencer = anvil.credentials(1);
  final SteppedClock clock = new SteppedClock();
  RollupOnAnvil rollup;
  ManagerRig rig;

  @BeforeEach
  void freshRollupAndTables() throws SQLException {
    anvil.setAutomine(true);
    try (Connection c = db.connect()) {
      c.createStatement().execute("TRUNCATE l1_tx_events, l1_tx_attempts, l1_transactions");
    }
    rollup = RollupOnAnvil.deploy(anvil, sequencer);
    rig = new ManagerRig(anvil, db, sequencer, CONFIG, clock);
  }

  @AfterEach
  void closeRig() {
    rig.close();
    anvil.setAutomine(true);
  }

  @Test
  void postsBatchesInOrderAndConfirmsThemAtDepthThree() {
    for (long seq = 0; seq < 3; seq++) {
      rollup.submit(rig.manager, seq);
    }
    rig.manager.poll();
    rig.manager.poll();
    assertThat(status(2)).isEqualTo(L1TxStatus.INCLUDED);
    long inclusion = tx(2).inclusion().orElseThrow().blockNumber();
    assertThat(rig.l1.latestBlock().number()).isEqualTo(inclusion);

    anvil.mine(1);
    rig.manager.poll();
    assertThat(status(2)).as("two blocks deep").isEqualTo(L1TxStatus.INCLUDED);
    anvil.mine(1);
    rig.manager.poll();

    for (long seq = 0; seq < 3; seq++) {
      L1Tx tx = tx(seq);
      assertThat(tx.status()).isEqualTo(L1TxStatus.CONFIRMED);
      assertThat(tx.inclusion().orElseThrow().success()).isTrue();
      assertThat(tx.attempts()).hasSize(1);
    }
    assertThat(tx(1).nonce().getAsLong()).isEqualTo(tx(0).nonce().getAsLong() + 1);
    assertThat(rollup.nextSeq(rig.l1)).isEqualTo(3);
    assertThat(rollup.appendedSeqs()).containsExactly(0L, 1L, 2L);
    assertThat(rig.manager.history(intent(0)))
        .extracting(L1TxEvent::status)
        .containsExactly(
            L1TxStatus.QUEUED, L1TxStatus.SENT, L1TxStatus.INCLUDED, L1TxStatus.CONFIRMED);
    assertThat(rig.counter("paraseq.l1tx.sent")).isEqualTo(3);
    assertThat(rig.counter("paraseq.l1tx.confirmed")).isEqualTo(3);
    assertThat(rig.counter("paraseq.l1tx.gas.used")).isGreaterThan(3 * 21_000);
    assertThat(rig.counter("paraseq.l1tx.eth.spent")).isGreaterThan(0);
  }

  @Test
  void submitIsIdempotentAndRefusesAnotherPayloadUnderTheSameIntent() {
    L1Tx first = rollup.submit(rig.manager, 0);
    assertThat(rollup.submit(rig.manager, 0).id()).isEqualTo(first.id());
    assertThatThrownBy(
            () ->
                rig.manager.submit(intent(0), rollup.rollup, RollupOnAnvil.appendBatch(1), 500_000))
        .isInstanceOf(L1TxStore.IntentConflictException.class);
  }

  @Test
  void aStuckTransactionIsReplacedByAFeeBumpAfterTheTimeout() {
    anvil.setAutomine(false);
    rollup.submit(rig.manager, 0);
    rig.manager.poll();
    L1TxAttempt first = tx(0).attempts().getFirst();

    clock.advance(RESUBMIT.minusSeconds(1));
    rig.manager.poll();
    assertThat(tx(0).attempts()).as("no bump before the timeout").hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    rig.manager.poll();
    List<L1TxAttempt> attempts = tx(0).attempts();
    assertThat(attempts).hasSize(2);
    L1TxAttempt bump = attempts.get(1);
    assertThat(bump.nonce()).isEqualTo(first.nonce());
    assertAtLeast110Percent(first.fees(), bump.fees());
    assertThat(bump.sentAt()).isPresent();

    anvil.mine(1);
    rig.manager.poll();
    L1Tx included = tx(0);
    assertThat(included.status()).isEqualTo(L1TxStatus.INCLUDED);
    assertThat(included.inclusion().orElseThrow().txHash()).isEqualTo(bump.txHash());
    assertThat(rig.rawL1.receipt(first.txHash())).isEmpty();
    assertThat(rig.counter("paraseq.l1tx.bumps")).isEqualTo(1);
    assertThat(rollup.appendedSeqs()).containsExactly(0L);
  }

  @Test
  void aTransactionStuckBelowARisenBaseFeeIsBumpedPastIt() {
    anvil.setAutomine(false);
    rollup.submit(rig.manager, 0);
    rig.manager.poll();
    L1TxAttempt first = tx(0).attempts().getFirst();
    Wei spike = Wei.of(100_000_000_000L);
    assertThat(first.fees().maxFeePerGas()).isLessThan(spike);
    anvil.rpc("anvil_setNextBlockBaseFeePerGas", List.of("0x" + spike.value().toString(16)));
    anvil.mine(1);
    assertThat(rig.l1.latestBlock().baseFee()).isEqualTo(spike);
    assertThat(rig.rawL1.receipt(first.txHash())).as("priced out by the base fee").isEmpty();

    // Anvil drops the priced-out transaction from its pool; the manager sees its pending nonce
    // fall behind, re-sends, is told the fee is below the base fee and bumps past it at once.
    rig.manager.poll();
    List<L1TxAttempt> attempts = tx(0).attempts();
    assertThat(attempts.getFirst().rejection()).isEmpty();
    L1TxAttempt bump = attempts.getLast();
    assertThat(bump.number()).isEqualTo(1);
    assertThat(bump.fees().maxFeePerGas()).isGreaterThan(spike);
    assertAtLeast110Percent(first.fees(), bump.fees());

    anvil.mine(1);
    rig.manager.poll();
    assertThat(tx(0).inclusion().orElseThrow().txHash()).isEqualTo(bump.txHash());
    assertThat(rollup.appendedSeqs()).containsExactly(0L);
  }

  @Test
  void aNewManagerOnTheSameRowsResumesWatchingWithoutSigningAgain() {
    anvil.setAutomine(false);
    rollup.submit(rig.manager, 0);
    rollup.submit(rig.manager, 1);
    rig.manager.poll();
    List<L1TxAttempt> before = List.of(tx(0).attempts().getFirst(), tx(1).attempts().getFirst());
    rig.close();

    rig = new ManagerRig(anvil, db, sequencer, CONFIG, clock);
    rig.manager.poll();
    anvil.mine(1);
    rig.manager.poll();
    anvil.mine(2);
    rig.manager.poll();

    for (int seq = 0; seq < 2; seq++) {
      L1Tx tx = tx(seq);
      assertThat(tx.status()).isEqualTo(L1TxStatus.CONFIRMED);
      assertThat(tx.attempts()).hasSize(1);
      assertThat(tx.attempts().getFirst().raw()).isEqualTo(before.get(seq).raw());
      assertThat(tx.inclusion().orElseThrow().txHash()).isEqualTo(before.get(seq).txHash());
    }
    assertThat(rig.counter("paraseq.l1tx.sent")).as("the new manager signed nothing").isZero();
    assertThat(rollup.appendedSeqs()).containsExactly(0L, 1L);
  }

  @Test
  void anAttemptStoredButNeverSentIsSentAfterARestart() {
    rig.faults.dropSends(ManagerRig.RESILIENCE.retryMaxAttempts());
    rollup.submit(rig.manager, 0);
    assertThatThrownBy(rig.manager::poll).isInstanceOf(L1UnavailableException.class);
    L1TxAttempt stored = tx(0).attempts().getFirst();
    assertThat(stored.sentAt()).isEmpty();
    rig.close();

    rig = new ManagerRig(anvil, db, sequencer, CONFIG, clock);
    rig.manager.poll();
    rig.manager.poll();
    L1Tx tx = tx(0);
    assertThat(tx.status()).isEqualTo(L1TxStatus.INCLUDED);
    assertThat(tx.attempts()).hasSize(1);
    assertThat(tx.inclusion().orElseThrow().txHash()).isEqualTo(stored.txHash());
    assertThat(rollup.appendedSeqs()).containsExactly(0L);
  }

  @Test
  void alreadyKnownAfterALostAnswerCountsAsSent() {
    anvil.setAutomine(false);
    rig.faults.loseAnswers(1);
    rollup.submit(rig.manager, 0);
    rig.manager.poll();
    L1Tx tx = tx(0);
    assertThat(tx.status()).isEqualTo(L1TxStatus.SENT);
    assertThat(tx.attempts()).hasSize(1);
    assertThat(tx.attempts().getFirst().sentAt()).isPresent();
    assertThat(rejections("already_known")).isEqualTo(1);

    anvil.mine(1);
    rig.manager.poll();
    assertThat(status(0)).isEqualTo(L1TxStatus.INCLUDED);
  }

  @Test
  void nonceTooLowBecauseOurAttemptWasIncludedIsAnInclusion() {
    rig.faults.loseAnswers(1);
    rollup.submit(rig.manager, 0);
    rig.manager.poll();
    L1Tx tx = tx(0);
    assertThat(rejections("nonce_too_low")).isEqualTo(1);
    assertThat(tx.status()).isEqualTo(L1TxStatus.INCLUDED);
    assertThat(tx.attempts()).hasSize(1);
    assertThat(rollup.appendedSeqs()).containsExactly(0L);
  }

  @Test
  void nonceTooLowBecauseAForeignTransactionTookTheNonceResyncsIt() {
    rig.faults.dropSends(ManagerRig.RESILIENCE.retryMaxAttempts());
    rollup.submit(rig.manager, 0);
    assertThatThrownBy(rig.manager::poll).isInstanceOf(L1UnavailableException.class);
    long nonce = tx(0).nonce().getAsLong();
    sendForeign(nonce, Wei.of(10_000_000_000L), Wei.of(2_000_000_000L));
    // The dropped sends opened the circuit; after its wait a probe call closes it again.
    clock.advance(ManagerRig.RESILIENCE.circuitOpenWait().plusSeconds(1));

    rig.manager.poll();
    assertThat(status(0)).isEqualTo(L1TxStatus.QUEUED);
    rig.manager.poll();
    rig.manager.poll();
    L1Tx tx = tx(0);
    assertThat(tx.status()).isEqualTo(L1TxStatus.INCLUDED);
    assertThat(tx.nonce().getAsLong()).isEqualTo(nonce + 1);
    assertThat(tx.attempts()).extracting(L1TxAttempt::nonce).containsExactly(nonce, nonce + 1);
    assertThat(rig.manager.history(intent(0)))
        .extracting(L1TxEvent::status)
        .containsExactly(
            L1TxStatus.QUEUED,
            L1TxStatus.SENT,
            L1TxStatus.QUEUED,
            L1TxStatus.SENT,
            L1TxStatus.INCLUDED);
    assertThat(rollup.appendedSeqs()).containsExactly(0L);
  }

  @Test
  void replacementUnderpricedBumpsAgainUntilTheNodeTakesIt() {
    anvil.setAutomine(false);
    rollup.submit(rig.manager, 0);
    rig.manager.poll();
    L1TxAttempt first = tx(0).attempts().getFirst();
    Fees ours = first.fees();
    // A foreign transaction of the same key and nonce, paying 20 % more, replaces ours in the pool.
    sendForeign(
        first.nonce(),
        percent(ours.maxFeePerGas(), 120),
        percent(ours.maxPriorityFeePerGas(), 120));

    clock.advance(RESUBMIT);
    rig.manager.poll();
    List<L1TxAttempt> attempts = tx(0).attempts();
    assertThat(attempts).hasSizeGreaterThanOrEqualTo(3);
    assertThat(attempts.get(1).rejection())
        .hasValueSatisfying(r -> assertThat(r).contains("underpriced"));
    L1TxAttempt taken = attempts.getLast();
    assertThat(taken.rejected()).isFalse();
    assertThat(taken.sentAt()).isPresent();

    anvil.mine(1);
    rig.manager.poll();
    assertThat(tx(0).inclusion().orElseThrow().txHash()).isEqualTo(taken.txHash());
    assertThat(rollup.appendedSeqs()).containsExactly(0L);
  }

  @Test
  void aReorgThatRemovesTheInclusionBlockIsDetectedAndTheTransactionReIncluded() {
    rollup.submit(rig.manager, 0);
    rig.manager.poll();
    rig.manager.poll();
    L1Inclusion first = tx(0).inclusion().orElseThrow();
    long head = rig.l1.latestBlock().number();

    anvil.rpc("anvil_reorg", List.of(head - first.blockNumber() + 1, List.of()));
    rig.manager.poll();
    assertThat(status(0)).isIn(L1TxStatus.REORGED, L1TxStatus.INCLUDED);
    rig.manager.poll();
    rig.manager.poll();
    anvil.mine(3);
    rig.manager.poll();

    L1Tx tx = tx(0);
    assertThat(tx.status()).isEqualTo(L1TxStatus.CONFIRMED);
    assertThat(tx.inclusion().orElseThrow().blockHash()).isNotEqualTo(first.blockHash());
    assertThat(tx.attempts()).hasSize(1);
    assertThat(rig.manager.history(intent(0)))
        .extracting(L1TxEvent::status)
        .containsSubsequence(
            L1TxStatus.INCLUDED, L1TxStatus.REORGED, L1TxStatus.INCLUDED, L1TxStatus.CONFIRMED);
    assertThat(rig.counter("paraseq.l1tx.reorged")).isEqualTo(1);
    assertThat(rollup.nextSeq(rig.l1)).isEqualTo(1);
    assertThat(rollup.appendedSeqs()).containsExactly(0L);
  }

  @Test
  void aFeeAboveTheCapIsHeldNotSent() {
    rig.close();
    L1TxConfig capped = CONFIG.withMaxFeeCap(CONFIG.priorityFee());
    rig = new ManagerRig(anvil, db, sequencer, capped, clock);
    rollup.submit(rig.manager, 0);
    rig.manager.poll();
    rig.manager.poll();
    assertThat(status(0)).isEqualTo(L1TxStatus.QUEUED);
    assertThat(tx(0).attempts()).isEmpty();
    assertThat(rig.counter("paraseq.l1tx.held")).isEqualTo(2);
    rig.close();

    rig = new ManagerRig(anvil, db, sequencer, CONFIG, clock);
    rig.manager.poll();
    rig.manager.poll();
    assertThat(status(0)).isEqualTo(L1TxStatus.INCLUDED);
  }

  // ------------------------------------------------------------------ helpers

  private L1Tx tx(long seq) {
    return rig.manager.find(intent(seq)).orElseThrow();
  }

  private L1TxStatus status(long seq) {
    return tx(seq).status();
  }

  private double rejections(String reason) {
    var counter = rig.meters.find("paraseq.l1tx.rejected").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  /** A zero-value self-transfer from the sequencer's key with {@code nonce}: not one of ours. */
  private void sendForeign(long nonce, Wei maxFee, Wei tip) {
    Web3jTxSigner signer = new Web3jTxSigner(sequencer);
    SignedL1Tx foreign =
        signer.sign(
            new UnsignedL1Tx(
                AnvilFixture.CHAIN_ID,
                nonce,
                signer.address(),
                Bytes.EMPTY,
                21_000,
                new Fees(maxFee, tip)));
    assertThat(rig.rawL1.sendRawTransaction(foreign.raw())).isInstanceOf(SendResult.Accepted.class);
  }

  private static Wei percent(Wei value, int percent) {
    return Wei.of(
        value.value().multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100)));
  }

  private static void assertAtLeast110Percent(Fees before, Fees after) {
    BigInteger ten = BigInteger.TEN;
    BigInteger eleven = BigInteger.valueOf(11);
    assertThat(after.maxFeePerGas().value().multiply(ten))
        .isGreaterThanOrEqualTo(before.maxFeePerGas().value().multiply(eleven));
    assertThat(after.maxPriorityFeePerGas().value().multiply(ten))
        .isGreaterThanOrEqualTo(before.maxPriorityFeePerGas().value().multiply(eleven));
  }
}
