package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs, stores and sends attempts: the first attempt of a queued intent, re-sends of a stored
 * attempt the node does not hold, and fee bumps after the resubmit timeout. Every attempt is stored
 * before its bytes are sent, and every attempt of an intent has the intent's payload and nonce;
 * only the fees differ. Handles the node's refusals: "already known" counts as sent, "replacement
 * transaction underpriced" bumps again (up to {@code maxBumpsPerPoll} per poll), and "nonce too
 * low" means either one of our attempts is included or the nonce went to a transaction that is not
 * ours, and the intent is queued for a new nonce.
 *
 * <p>Runs on the manager's loop thread; {@code held} is owned by it.
 */
final class AttemptSender {

  private static final Logger log = LoggerFactory.getLogger(AttemptSender.class);

  private final L1Client l1;
  private final L1TxSigner signer;
  private final L1TxStore store;
  private final FeePolicy feePolicy;
  private final L1TxConfig config;
  private final Clock clock;
  private final L1TxMetrics metrics;
  private final InclusionTracker tracker;
  private final Set<Long> held = new HashSet<>();

  AttemptSender(
      L1Client l1,
      L1TxSigner signer,
      L1TxStore store,
      L1TxConfig config,
      Clock clock,
      L1TxMetrics metrics,
      InclusionTracker tracker) {
    this.l1 = l1;
    this.signer = signer;
    this.store = store;
    this.feePolicy = new FeePolicy(config);
    this.config = config;
    this.clock = clock;
    this.metrics = metrics;
    this.tracker = tracker;
  }

  /**
   * Signs queued {@code tx} with {@code nonce}, stores and sends it.
   *
   * @return false if its fee would exceed the cap (it stays queued)
   */
  boolean sendFirst(L1Tx tx, long chainId, long nonce, L1Block head) {
    FeeDecision decision = feePolicy.initial(head.baseFee());
    if (decision instanceof FeeDecision.Hold hold) {
      hold(tx, hold);
      return false;
    }
    Fees fees = ((FeeDecision.Use) decision).fees();
    held.remove(tx.id());
    SignedL1Tx signed = sign(tx, chainId, nonce, fees);
    store.assignNonce(tx.id(), nonce, signed, fees, clock.instant());
    metrics.sent();
    log.info(
        "l1tx signed intent={} nonce={} hash={} maxFee={} tip={}",
        tx.intentId(),
        nonce,
        signed.hash(),
        fees.maxFeePerGas().value(),
        fees.maxPriorityFeePerGas().value());
    Optional<SendRejection> refusal = deliver(tx, signed.hash(), signed.raw());
    refusal.ifPresent(r -> afterRefusal(tx, chainId, nonce, fees, head, r));
    return true;
  }

  /**
   * Moves a sent (or reorged) {@code tx} without a receipt along: sends a stored attempt that was
   * never answered, bumps the fee after the resubmit timeout, or re-sends the newest live attempt
   * when the node's pending nonce shows it does not hold it.
   */
  void advance(L1Tx tx, long chainId, L1Block head, long pendingNonce) {
    L1TxAttempt latest = tx.latestAttempt().orElseThrow();
    long nonce = tx.nonce().orElseThrow();
    if (latest.sentAt().isEmpty() && !latest.rejected()) {
      log.info(
          "l1tx resend-unanswered intent={} nonce={} hash={}",
          tx.intentId(),
          nonce,
          latest.txHash());
      deliver(tx, latest.txHash(), latest.raw())
          .ifPresent(r -> afterRefusal(tx, chainId, nonce, latest.fees(), head, r));
      return;
    }
    Instant since = latest.sentAt().orElse(latest.signedAt());
    if (!clock.instant().isBefore(since.plus(config.resubmitTimeout()))) {
      bump(tx, chainId, nonce, latest.fees(), head);
      return;
    }
    if (nonce >= pendingNonce) {
      Optional<L1TxAttempt> live = tx.latestLiveAttempt();
      if (live.isPresent()) {
        L1TxAttempt attempt = live.get();
        log.info(
            "l1tx rebroadcast intent={} nonce={} hash={} pendingNonce={}",
            tx.intentId(),
            nonce,
            attempt.txHash(),
            pendingNonce);
        deliver(tx, attempt.txHash(), attempt.raw())
            .ifPresent(r -> afterRefusal(tx, chainId, nonce, attempt.fees(), head, r));
      }
    }
  }

  private void bump(L1Tx tx, long chainId, long nonce, Fees previous, L1Block head) {
    Fees from = previous;
    for (int i = 0; i < config.maxBumpsPerPoll(); i++) {
      FeeDecision decision = feePolicy.replacement(from, head.baseFee());
      if (decision instanceof FeeDecision.Hold hold) {
        hold(tx, hold);
        return;
      }
      Fees fees = ((FeeDecision.Use) decision).fees();
      held.remove(tx.id());
      SignedL1Tx signed = sign(tx, chainId, nonce, fees);
      store.addAttempt(tx.id(), nonce, signed, fees, clock.instant());
      metrics.bumped();
      log.info(
          "l1tx bump intent={} nonce={} hash={} maxFee={} tip={} previousMaxFee={}",
          tx.intentId(),
          nonce,
          signed.hash(),
          fees.maxFeePerGas().value(),
          fees.maxPriorityFeePerGas().value(),
          from.maxFeePerGas().value());
      Optional<SendRejection> refusal = deliver(tx, signed.hash(), signed.raw());
      if (refusal.isEmpty()) {
        return;
      }
      if (!refusal.get().fixedByHigherFee()) {
        afterRefusal(tx, chainId, nonce, fees, head, refusal.get());
        return;
      }
      from = fees;
    }
  }

  private void afterRefusal(
      L1Tx tx, long chainId, long nonce, Fees fees, L1Block head, SendRejection reason) {
    switch (reason) {
      case REPLACEMENT_UNDERPRICED, FEE_TOO_LOW -> bump(tx, chainId, nonce, fees, head);
      case NONCE_TOO_LOW -> resolveNonceTooLow(tx, nonce, head);
      case ALREADY_KNOWN, OTHER -> {
        // Already known was counted as sent; anything else waits for the resubmit timeout.
      }
    }
  }

  /**
   * "nonce too low": if one of the intent's attempts is included, that is its inclusion; otherwise,
   * once the chain shows the nonce used, it went to a transaction that is not ours and the intent
   * gets a new nonce.
   */
  private void resolveNonceTooLow(L1Tx tx, long nonce, L1Block head) {
    L1Tx fresh = store.find(tx.intentId()).orElseThrow();
    Optional<L1Receipt> receipt = tracker.findReceipt(fresh);
    if (receipt.isPresent()) {
      tracker.included(fresh, receipt.get(), head);
      return;
    }
    long used = l1.latestNonce(signer.address());
    if (used > nonce) {
      store.requeue(tx.id(), "nonce " + nonce + " used by another transaction", clock.instant());
      log.warn(
          "l1tx nonce-resync intent={} nonce={} latestNonce={} (used by a transaction not ours)",
          tx.intentId(),
          nonce,
          used);
    } else {
      log.info(
          "l1tx nonce-too-low intent={} nonce={} latestNonce={} (not yet used on chain; waiting)",
          tx.intentId(),
          nonce,
          used);
    }
  }

  /** Sends stored bytes; records the answer. Returns the refusal, if the node refused. */
  private Optional<SendRejection> deliver(L1Tx tx, Hash hash, Bytes raw) {
    SendResult result = l1.sendRawTransaction(raw);
    switch (result) {
      case SendResult.Accepted accepted -> {
        store.markAttemptSent(hash, clock.instant());
        return Optional.empty();
      }
      case SendResult.Rejected rejected -> {
        metrics.rejected(rejected.reason());
        if (rejected.reason() == SendRejection.ALREADY_KNOWN) {
          store.markAttemptSent(hash, clock.instant());
          return Optional.empty();
        }
        if (rejected.reason() != SendRejection.NONCE_TOO_LOW) {
          store.markAttemptRejected(hash, rejected.message());
        }
        log.info(
            "l1tx refused intent={} hash={} reason={} message=\"{}\"",
            tx.intentId(),
            hash,
            rejected.reason(),
            rejected.message());
        return Optional.of(rejected.reason());
      }
    }
  }

  private SignedL1Tx sign(L1Tx tx, long chainId, long nonce, Fees fees) {
    return signer.sign(
        new UnsignedL1Tx(chainId, nonce, tx.to(), tx.calldata(), tx.gasLimit(), fees));
  }

  private void hold(L1Tx tx, FeeDecision.Hold hold) {
    metrics.held();
    if (held.add(tx.id())) {
      log.warn(
          "l1tx held intent={} neededMaxFee={} cap={} (fee above the cap; waiting)",
          tx.intentId(),
          hold.needed().value(),
          hold.cap().value());
    }
  }
}
