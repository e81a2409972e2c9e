package io.paraseq.batcher.l1;

import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;

/**
 * The fee rule of L1 transactions: a first attempt pays {@code baseFee × multiplier + tip}; a
 * replacement pays at least {@code bumpPercent} % more on both caps than the attempt it replaces,
 * and at least what a first attempt would pay now; nothing pays more than {@code maxFeeCap}. Above
 * the cap the decision is to hold, not to sign.
 */
final class FeePolicy {

  private final L1TxConfig config;

  FeePolicy(L1TxConfig config) {
    this.config = config;
  }

  /** The fees of a first attempt at the current {@code baseFee}. */
  FeeDecision initial(Wei baseFee) {
    Wei tip = config.priorityFee();
    Wei floor = add(baseFee, tip);
    if (floor.compareTo(config.maxFeeCap()) > 0) {
      return new FeeDecision.Hold(floor, config.maxFeeCap());
    }
    return new FeeDecision.Use(new Fees(min(wanted(baseFee), config.maxFeeCap()), tip));
  }

  /** The fees of a replacement of an attempt that paid {@code previous}, at {@code baseFee}. */
  FeeDecision replacement(Fees previous, Wei baseFee) {
    Wei minFee = Fees.bumped(previous.maxFeePerGas(), config.bumpPercent());
    Wei tip =
        max(
            Fees.bumped(previous.maxPriorityFeePerGas(), config.bumpPercent()),
            config.priorityFee());
    Wei fee = max(max(minFee, wanted(baseFee)), add(baseFee, tip));
    if (fee.compareTo(config.maxFeeCap()) <= 0) {
      return new FeeDecision.Use(new Fees(fee, tip));
    }
    Wei floor = max(minFee, add(baseFee, tip));
    if (floor.compareTo(config.maxFeeCap()) <= 0) {
      return new FeeDecision.Use(new Fees(config.maxFeeCap(), tip));
    }
    return new FeeDecision.Hold(floor, config.maxFeeCap());
  }

  private Wei wanted(Wei baseFee) {
    BigInteger scaled =
        baseFee
            .value()
            .multiply(BigInteger.valueOf(config.baseFeeMultiplierPercent()))
            .divide(BigInteger.valueOf(100));
    return Wei.of(scaled.add(config.priorityFee().value()));
  }

  private static Wei add(Wei a, Wei b) {
    return Wei.of(a.value().add(b.value()));
  }

  private static Wei min(Wei a, Wei b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Wei max(Wei a, Wei b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
